import { describe, expect, it } from "vitest";
import { categoryUpdateInput, couponCodeInput, couponUpdateInput } from "./index.js";

describe("coupon update schema", () => {
  it("replaces the discount whole, kind included, and sets nothing it was not sent", () => {
    expect(couponUpdateInput.parse({ code: "ten", expectedVersion: 3, discount: { kind: "percentage", percentBp: 1500 } })).toEqual({
      code: "TEN",
      expectedVersion: 3,
      discount: { kind: "percentage", percentBp: 1500, maxDiscountMinor: null },
    });
    expect(couponUpdateInput.parse({ code: "ten", expectedVersion: 1, discount: { kind: "fixed", amountMinor: 500 }, minOrderMinor: null })).toEqual({
      code: "TEN",
      expectedVersion: 1,
      discount: { kind: "fixed", amountMinor: 500 },
      minOrderMinor: null,
    });
  });

  it("names the field at fault", () => {
    const issues = (value: unknown) => couponUpdateInput.safeParse(value).error?.issues.map((i) => i.message);
    expect(issues({ code: "TEN", expectedVersion: 1, discount: { kind: "bogo" } })).toEqual(["Discount type must be percentage or fixed"]);
    expect(issues({ code: "TEN", expectedVersion: 1, discount: { kind: "fixed", amountMinor: 0 } })).toEqual(["Discount amount must be at least ₹0.01"]);
    expect(issues({ code: "TEN", expectedVersion: 1, startsAt: "2030-02-01T00:00:00Z", expiresAt: "2030-01-01T00:00:00Z" })).toEqual(["Expiry must be after the start"]);
    expect(issues({ code: "TEN", active: true })).toEqual(["Version must be a number"]);
    expect(issues({ code: "TEN", expectedVersion: 0 })).toEqual(["Version must be at least 1"]);
    expect(issues({ code: "TEN", expectedVersion: 1, description: "x".repeat(201) })).toEqual(["Description must be at most 200 characters"]);
  });

  it("clears the description with an empty text and leaves it alone when not sent", () => {
    expect(couponUpdateInput.parse({ code: "ten", expectedVersion: 1, description: "  " })).toEqual({ code: "TEN", expectedVersion: 1, description: null });
    expect(couponUpdateInput.parse({ code: "ten", expectedVersion: 1, description: " Diwali mailer " })).toEqual({ code: "TEN", expectedVersion: 1, description: "Diwali mailer" });
    expect(couponUpdateInput.parse({ code: "ten", expectedVersion: 1 })).toEqual({ code: "TEN", expectedVersion: 1 });
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
