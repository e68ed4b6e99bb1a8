import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { inr, makeCoupon, T0 } from "../testing/builders.js";
import { checkCoupon, checkCouponEdit, couponDiscount, couponStatus } from "./coupon.js";

const context = { subtotal: inr(100000), now: T0, customerUses: 0 };
const reason = (result: ReturnType<typeof checkCoupon>) => (result.ok ? null : result.error.reason);

describe("coupons", () => {
  it("accepts a valid coupon", () => {
    expect(checkCoupon(makeCoupon(), context).ok).toBe(true);
  });

  it("explains every refusal", () => {
    expect(reason(checkCoupon(makeCoupon({ active: false }), context))).toBe("inactive");
    expect(reason(checkCoupon(makeCoupon({ startsAt: new Date("2025-02-01T00:00:00Z") }), context))).toBe("not_started");
    expect(reason(checkCoupon(makeCoupon({ expiresAt: T0 }), context))).toBe("expired");
    expect(reason(checkCoupon(makeCoupon({ usageLimit: 5, usedCount: 5 }), context))).toBe("usage_limit_reached");
    expect(reason(checkCoupon(makeCoupon({ perCustomerLimit: 1 }), { ...context, customerUses: 1 }))).toBe("customer_limit_reached");
    expect(reason(checkCoupon(makeCoupon({ minOrder: inr(100001) }), context))).toBe("minimum_not_met");
    expect(reason(checkCoupon(makeCoupon({ kind: "fixed", amount: money(100, "USD") }), context))).toBe("currency_mismatch");
  });

  it("passes within its dates, limits and minimum", () => {
    const coupon = makeCoupon({
      startsAt: T0,
      expiresAt: new Date("2025-02-01T00:00:00Z"),
      usageLimit: 5,
      usedCount: 4,
      perCustomerLimit: 2,
      minOrder: inr(100000),
    });
    expect(checkCoupon(coupon, { ...context, customerUses: 1 }).ok).toBe(true);
  });

  it("computes percentage discounts half up, capped by maxDiscount", () => {
    expect(couponDiscount(makeCoupon({ percentBp: 1250 }), inr(999))).toEqual(inr(125));
    expect(couponDiscount(makeCoupon({ percentBp: 5000, maxDiscount: inr(20000) }), inr(100000))).toEqual(inr(20000));
    expect(couponDiscount(makeCoupon({ percentBp: 500, maxDiscount: inr(20000) }), inr(100000))).toEqual(inr(5000));
  });

  it("never discounts more than the subtotal", () => {
    expect(couponDiscount(makeCoupon({ kind: "fixed", amount: inr(50000) }), inr(30000))).toEqual(inr(30000));
    expect(couponDiscount(makeCoupon({ kind: "fixed", amount: inr(500) }), inr(30000))).toEqual(inr(500));
  });

  it("derives the status an admin sees: disabled, scheduled, expired, used up or active", () => {
    const now = new Date("2025-12-04T10:00:00Z");
    expect(couponStatus(makeCoupon({ expiresAt: new Date("2025-11-04T00:00:00Z") }), now)).toBe("expired");
    expect(couponStatus(makeCoupon({ expiresAt: now }), now)).toBe("expired");
    expect(couponStatus(makeCoupon({ startsAt: new Date("2025-12-05T00:00:00Z") }), now)).toBe("scheduled");
    expect(couponStatus(makeCoupon({ usageLimit: 3, usedCount: 3 }), now)).toBe("used_up");
    expect(couponStatus(makeCoupon({ active: false, expiresAt: new Date("2025-11-04T00:00:00Z") }), now)).toBe("disabled");
    expect(couponStatus(makeCoupon({ startsAt: new Date("2025-12-01T00:00:00Z"), expiresAt: new Date("2025-12-31T00:00:00Z"), usageLimit: 3, usedCount: 2 }), now)).toBe("active");
  });
});

describe("editing a coupon", () => {
  const edit = { expectedVersion: 4, usageLimit: null, startsAt: null, expiresAt: null };
  const refusal = (result: ReturnType<typeof checkCouponEdit>) => (result.ok ? null : result.error);

  it("applies an edit made from the stored version", () => {
    expect(checkCouponEdit(makeCoupon({ version: 4, usageLimit: 10, usedCount: 7 }), { ...edit, usageLimit: 7 }).ok).toBe(true);
  });

  it("refuses an edit made from an older version, naming the current one", () => {
    expect(refusal(checkCouponEdit(makeCoupon({ version: 5 }), edit))).toEqual({ code: "COUPON_CHANGED", version: 5 });
  });

  it("never lets the total limit fall below the redemptions already made", () => {
    expect(refusal(checkCouponEdit(makeCoupon({ version: 4, usageLimit: 10, usedCount: 7 }), { ...edit, usageLimit: 6 }))).toEqual({
      code: "USAGE_LIMIT_BELOW_REDEMPTIONS",
      usedCount: 7,
    });
  });

  it("refuses a window that ends before it starts", () => {
    const startsAt = new Date("2030-02-01T00:00:00Z");
    expect(refusal(checkCouponEdit(makeCoupon({ version: 4 }), { ...edit, startsAt, expiresAt: startsAt }))).toEqual({ code: "COUPON_WINDOW_INVALID" });
  });
});
