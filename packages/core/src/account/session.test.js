import { describe, expect, it } from "vitest";
import { checkPasswordResetToken, checkRefreshToken } from "./session.js";
const now = new Date("2025-03-01T12:00:00Z");
const later = new Date("2025-03-08T12:00:00Z");
const token = {
    id: "t1",
    userId: "u1",
    familyId: "f1",
    tokenHash: "h",
    createdAt: now,
    expiresAt: later,
    rotatedAt: null,
    revokedAt: null,
};
describe("refresh tokens", () => {
    it("accepts a live token", () => {
        expect(checkRefreshToken(token, now)).toEqual({ ok: true, value: token });
    });
    it("treats a rotated token as reuse of its family, even when expired", () => {
        const replayed = { ...token, rotatedAt: now };
        expect(checkRefreshToken(replayed, new Date("2026-01-01T00:00:00Z"))).toEqual({
            ok: false,
            error: { code: "TOKEN_REUSED", familyId: "f1" },
        });
    });
    it("refuses revoked and expired tokens", () => {
        expect(checkRefreshToken({ ...token, revokedAt: now }, now).ok).toBe(false);
        expect(checkRefreshToken(token, later)).toEqual({ ok: false, error: { code: "TOKEN_EXPIRED" } });
    });
});
describe("password reset tokens", () => {
    const reset = { id: "r", userId: "u", tokenHash: "h", createdAt: now, expiresAt: later, usedAt: null };
    it("work once, before expiry", () => {
        expect(checkPasswordResetToken(reset, now).ok).toBe(true);
        expect(checkPasswordResetToken({ ...reset, usedAt: now }, now)).toEqual({ ok: false, error: { code: "RESET_TOKEN_INVALID" } });
        expect(checkPasswordResetToken(reset, later).ok).toBe(false);
    });
});
//# sourceMappingURL=session.test.js.map