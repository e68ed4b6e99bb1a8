import { describe, expect, it } from "vitest";
import { replayOf } from "./idempotency.js";
const record = {
    userId: "u1",
    scope: "place_order",
    key: "k-123",
    requestHash: "abc",
    resultId: "ord_1",
    createdAt: new Date("2025-01-01T00:00:00Z"),
};
describe("idempotency keys", () => {
    it("answer a repeat with the first result", () => {
        expect(replayOf(record, "abc")).toEqual({ ok: true, value: "ord_1" });
    });
    it("refuse the same key for a different request", () => {
        expect(replayOf(record, "other")).toEqual({ ok: false, error: { code: "IDEMPOTENCY_KEY_REUSED", key: "k-123" } });
    });
});
//# sourceMappingURL=idempotency.test.js.map