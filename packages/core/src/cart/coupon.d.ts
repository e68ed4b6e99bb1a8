import { type Money } from "../money/money.js";
import { type Result } from "../result.js";
interface CouponRules {
    /** Upper-case, unique. */
    readonly code: string;
    readonly active: boolean;
    readonly minOrder: Money | null;
    readonly startsAt: Date | null;
    readonly expiresAt: Date | null;
    /** Redemptions allowed across all shoppers; null = unlimited. */
    readonly usageLimit: number | null;
    readonly usedCount: number;
    /** Redemptions allowed per shopper; null = unlimited. */
    readonly perCustomerLimit: number | null;
}
export type Coupon = CouponRules & ({
    readonly kind: "percentage";
    readonly percentBp: number;
    readonly maxDiscount: Money | null;
} | {
    readonly kind: "fixed";
    readonly amount: Money;
});
export declare const COUPON_KINDS: readonly ["percentage", "fixed"];
export type CouponKind = Coupon["kind"];
export declare const COUPON_REJECTION_REASONS: readonly ["not_found", "inactive", "not_started", "expired", "minimum_not_met", "usage_limit_reached", "customer_limit_reached", "currency_mismatch"];
export type CouponRejectionReason = (typeof COUPON_REJECTION_REASONS)[number];
export interface CouponRejection {
    readonly code: "COUPON_INVALID";
    readonly couponCode: string;
    readonly reason: CouponRejectionReason;
}
/**
 * Whether the coupon applies to a cart with this subtotal, now, for a shopper who has used
 * it `customerUses` times. The usage counters are re-checked by the guarded redemption
 * write at placement; this check gives the shopper the reason early.
 */
export declare function checkCoupon(coupon: Coupon, context: {
    readonly subtotal: Money;
    readonly now: Date;
    readonly customerUses: number;
}): Result<Coupon, CouponRejection>;
/**
 * The discount a valid coupon gives on `subtotal`. Never more than the subtotal, so a total
 * never goes below zero; percentages round half up and respect `maxDiscount`.
 */
export declare function couponDiscount(coupon: Coupon, subtotal: Money): Money;
/** What an admin sees a coupon as, now; derived, never stored, so it cannot go stale. */
export declare const COUPON_STATUSES: readonly ["disabled", "scheduled", "expired", "used_up", "active"];
export type CouponStatus = (typeof COUPON_STATUSES)[number];
/**
 * A coupon's status at `now`, in the order an admin needs to know it: switched off first, then
 * not started yet, then past its expiry (the MONSOON50 that expired in November is not "active"
 * in December), then out of redemptions; otherwise active. The same rules `checkCoupon` applies.
 */
export declare function couponStatus(coupon: Coupon, now: Date): CouponStatus;
export {};
//# sourceMappingURL=coupon.d.ts.map