import { describe, expect, it } from "vitest";
import { categoryUpdateInput, couponCodeInput, couponUpdateInput } from "./index.js";
describe("coupon update schema", () => {
    it("replaces the discount whole, kind included, and sets nothing it was not sent", () => {
        expect(couponUpdateInput.parse({ code: "ten", discount: { kind: "percentage", percentBp: 1500 } })).toEqual({
            code: "TEN",
            discount: { kind: "percentage", percentBp: 1500, maxDiscountMinor: null },
        });
        expect(couponUpdateInput.parse({ code: "ten", discount: { kind: "fixed", amountMinor: 500 }, minOrderMinor: null })).toEqual({
            code: "TEN",
            discount: { kind: "fixed", amountMinor: 500 },
            minOrderMinor: null,
        });
    });
    it("names the field at fault", () => {
        const issues = (value) => couponUpdateInput.safeParse(value).error?.issues.map((i) => i.message);
        expect(issues({ code: "TEN", discount: { kind: "bogo" } })).toEqual(["kind must be percentage or fixed"]);
        expect(issues({ code: "TEN", discount: { kind: "fixed", amountMinor: 0 } })).toEqual(["amountMinor must be at least 1"]);
        expect(issues({ code: "TEN", startsAt: "2030-02-01T00:00:00Z", expiresAt: "2030-01-01T00:00:00Z" })).toEqual(["expiresAt must be after startsAt"]);
    });
    it("matches codes upper-cased, as they are stored", () => {
        expect(couponCodeInput.parse({ code: " welcome10 " })).toEqual({ code: "WELCOME10" });
    });
});
describe("category update schema", () => {
    it("keeps the parent unless one is sent", () => {
        expect(categoryUpdateInput.parse({ categoryId: "c1", name: "Tea" })).toEqual({ categoryId: "c1", name: "Tea" });
        expect(categoryUpdateInput.parse({ categoryId: "c1", parentId: null })).toEqual({ categoryId: "c1", parentId: null });
    });
});
//# sourceMappingURL=coupon.test.js.map