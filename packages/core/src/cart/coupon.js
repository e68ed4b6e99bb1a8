import { min } from "../money/money.js";
import { percentOf } from "../money/tax.js";
import { allOf } from "../enum.js";
import { err, ok } from "../result.js";
export const COUPON_KINDS = allOf()(["percentage", "fixed"]);
export const COUPON_REJECTION_REASONS = [
    "not_found",
    "inactive",
    "not_started",
    "expired",
    "minimum_not_met",
    "usage_limit_reached",
    "customer_limit_reached",
    "currency_mismatch",
];
/**
 * Whether the coupon applies to a cart with this subtotal, now, for a shopper who has used
 * it `customerUses` times. The usage counters are re-checked by the guarded redemption
 * write at placement; this check gives the shopper the reason early.
 */
export function checkCoupon(coupon, context) {
    const reject = (reason) => err({ code: "COUPON_INVALID", couponCode: coupon.code, reason });
    const currencies = [coupon.minOrder, coupon.kind === "fixed" ? coupon.amount : coupon.maxDiscount];
    if (currencies.some((m) => m !== null && m.currency !== context.subtotal.currency))
        return reject("currency_mismatch");
    if (!coupon.active)
        return reject("inactive");
    const now = context.now.getTime();
    if (coupon.startsAt && now < coupon.startsAt.getTime())
        return reject("not_started");
    if (coupon.expiresAt && now >= coupon.expiresAt.getTime())
        return reject("expired");
    if (coupon.usageLimit !== null && coupon.usedCount >= coupon.usageLimit)
        return reject("usage_limit_reached");
    if (coupon.perCustomerLimit !== null && context.customerUses >= coupon.perCustomerLimit)
        return reject("customer_limit_reached");
    if (coupon.minOrder && context.subtotal.minor < coupon.minOrder.minor)
        return reject("minimum_not_met");
    return ok(coupon);
}
/**
 * The discount a valid coupon gives on `subtotal`. Never more than the subtotal, so a total
 * never goes below zero; percentages round half up and respect `maxDiscount`.
 */
export function couponDiscount(coupon, subtotal) {
    const raw = coupon.kind === "fixed"
        ? coupon.amount
        : coupon.maxDiscount
            ? min(percentOf(subtotal, coupon.percentBp), coupon.maxDiscount)
            : percentOf(subtotal, coupon.percentBp);
    return min(raw, subtotal);
}
/** What an admin sees a coupon as, now; derived, never stored, so it cannot go stale. */
export const COUPON_STATUSES = ["disabled", "scheduled", "expired", "used_up", "active"];
/**
 * A coupon's status at `now`, in the order an admin needs to know it: switched off first, then
 * not started yet, then past its expiry (the MONSOON50 that expired in November is not "active"
 * in December), then out of redemptions; otherwise active. The same rules `checkCoupon` applies.
 */
export function couponStatus(coupon, now) {
    if (!coupon.active)
        return "disabled";
    if (coupon.startsAt && now.getTime() < coupon.startsAt.getTime())
        return "scheduled";
    if (coupon.expiresAt && now.getTime() >= coupon.expiresAt.getTime())
        return "expired";
    if (coupon.usageLimit !== null && coupon.usedCount >= coupon.usageLimit)
        return "used_up";
    return "active";
}
//# sourceMappingURL=coupon.js.map