import { err, ok } from "../result.js";
/**
 * Decides whether a presented refresh token may be rotated. Reuse wins over expiry, so a
 * replayed stolen token always burns its family.
 */
export function checkRefreshToken(token, now) {
    if (token.revokedAt)
        return err({ code: "TOKEN_REVOKED" });
    if (token.rotatedAt)
        return err({ code: "TOKEN_REUSED", familyId: token.familyId });
    if (token.expiresAt.getTime() <= now.getTime())
        return err({ code: "TOKEN_EXPIRED" });
    return ok(token);
}
/** A reset token works once and before it expires; both failures look the same to callers. */
export function checkPasswordResetToken(token, now) {
    if (token.usedAt || token.expiresAt.getTime() <= now.getTime())
        return err({ code: "RESET_TOKEN_INVALID" });
    return ok(token);
}
//# sourceMappingURL=session.js.map