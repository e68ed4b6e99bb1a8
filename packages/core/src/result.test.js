import { describe, expect, it } from "vitest";
import { err, expectOk, ok } from "./result.js";
describe("expectOk", () => {
    it("returns the value of a success", () => {
        expect(expectOk(ok(3), "test")).toBe(3);
    });
    it("throws with the context and the error when the failure was supposed to be impossible", () => {
        expect(() => expectOk(err({ code: "X" }), "pricing")).toThrow('pricing: unexpected {"code":"X"}');
    });
});
//# sourceMappingURL=result.test.js.map