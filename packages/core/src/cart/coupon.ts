import { min, type Money } from "../money/money.js";
import { percentOf } from "../money/tax.js";
import { allOf } from "../enum.js";
import { err, ok, type Result } from "../result.js";

interface CouponRules {
  /** Upper-case, unique. */
  readonly code: string;
  /** What the coupon is for, in the admin's words (campaign, audience); null = none. */
  readonly description: string | null;
  readonly active: boolean;
  readonly minOrder: Money | null;
  readonly startsAt: Date | null;
  readonly expiresAt: Date | null;
  /** Redemptions allowed across all shoppers; null = unlimited. */
  readonly usageLimit: number | null;
  readonly usedCount: number;
  /** Redemptions allowed per shopper; null = unlimited. */
  readonly perCustomerLimit: number | null;
  /**
   * Bumped by every admin edit (never by a redemption): an edit names the version it was made
   * from, so two admins editing the same coupon cannot overwrite each other unseen.
   */
  readonly version: number;
}

export type Coupon = CouponRules &
  (
    | { readonly kind: "percentage"; readonly percentBp: number; readonly maxDiscount: Money | null }
    | { readonly kind: "fixed"; readonly amount: Money }
  );

export const COUPON_KINDS = allOf<Coupon["kind"]>()(["percentage", "fixed"]);
export type CouponKind = Coupon["kind"];

export const COUPON_REJECTION_REASONS = [
  "not_found",
  "inactive",
  "not_started",
  "expired",
  "minimum_not_met",
  "usage_limit_reached",
  "customer_limit_reached",
  "currency_mismatch",
] as const;
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
export function checkCoupon(
  coupon: Coupon,
  context: { readonly subtotal: Money; readonly now: Date; readonly customerUses: number },
): Result<Coupon, CouponRejection> {
  const reject = (reason: CouponRejectionReason) => err({ code: "COUPON_INVALID" as const, couponCode: coupon.code, reason });
  const currencies = [coupon.minOrder, coupon.kind === "fixed" ? coupon.amount : coupon.maxDiscount];
  if (currencies.some((m) => m !== null && m.currency !== context.subtotal.currency)) return reject("currency_mismatch");
  if (!coupon.active) return reject("inactive");
  const now = context.now.getTime();
  if (coupon.startsAt && now < coupon.startsAt.getTime()) return reject("not_started");
  if (coupon.expiresAt && now >= coupon.expiresAt.getTime()) return reject("expired");
  if (coupon.usageLimit !== null && coupon.usedCount >= coupon.usageLimit) return reject("usage_limit_reached");
  if (coupon.perCustomerLimit !== null && context.customerUses >= coupon.perCustomerLimit) return reject("customer_limit_reached");
  if (coupon.minOrder && context.subtotal.minor < coupon.minOrder.minor) return reject("minimum_not_met");
  return ok(coupon);
}

/**
 * The discount a valid coupon gives on `subtotal`. Never more than the subtotal, so a total
 * never goes below zero; percentages round half up and respect `maxDiscount`.
 */
export function couponDiscount(coupon: Coupon, subtotal: Money): Money {
  const raw =
    coupon.kind === "fixed"
      ? coupon.amount
      : coupon.maxDiscount
        ? min(percentOf(subtotal, coupon.percentBp), coupon.maxDiscount)
        : percentOf(subtotal, coupon.percentBp);
  return min(raw, subtotal);
}

/** What an admin sees a coupon as, now; derived, never stored, so it cannot go stale. */
export const COUPON_STATUSES = ["disabled", "scheduled", "expired", "used_up", "active"] as const;
export type CouponStatus = (typeof COUPON_STATUSES)[number];

/**
 * A coupon's status at `now`, in the order an admin needs to know it: switched off first, then
 * not started yet, then past its expiry (the MONSOON50 that expired in November is not "active"
 * in December), then out of redemptions; otherwise active. The same rules `checkCoupon` applies.
 */
export function couponStatus(coupon: Coupon, now: Date): CouponStatus {
  if (!coupon.active) return "disabled";
  if (coupon.startsAt && now.getTime() < coupon.startsAt.getTime()) return "scheduled";
  if (coupon.expiresAt && now.getTime() >= coupon.expiresAt.getTime()) return "expired";
  if (coupon.usageLimit !== null && coupon.usedCount >= coupon.usageLimit) return "used_up";
  return "active";
}

/** Why an admin's edit of a coupon is refused. */
export type CouponEditRefusal =
  | { readonly code: "COUPON_CHANGED"; readonly version: number }
  | { readonly code: "USAGE_LIMIT_BELOW_REDEMPTIONS"; readonly usedCount: number }
  | { readonly code: "COUPON_WINDOW_INVALID" };

/** The rules an edit may change, as they would be after it (null = no limit / no bound). */
export interface CouponEdit {
  readonly expectedVersion: number;
  readonly usageLimit: number | null;
  readonly startsAt: Date | null;
  readonly expiresAt: Date | null;
}

/**
 * Whether an edit may be applied to the coupon as stored. An edit made from an older version is
 * refused (someone else changed it since). Redemptions already made stay valid whatever changes:
 * orders keep their discount, so the one edit that could contradict them — a total limit below
 * the redemptions so far — is refused rather than leaving the coupon over its own limit.
 */
export function checkCouponEdit(coupon: Coupon, edit: CouponEdit): Result<CouponEdit, CouponEditRefusal> {
  if (coupon.version !== edit.expectedVersion) return err({ code: "COUPON_CHANGED", version: coupon.version });
  if (edit.usageLimit !== null && edit.usageLimit < coupon.usedCount) return err({ code: "USAGE_LIMIT_BELOW_REDEMPTIONS", usedCount: coupon.usedCount });
  if (edit.startsAt && edit.expiresAt && edit.startsAt >= edit.expiresAt) return err({ code: "COUPON_WINDOW_INVALID" });
  return ok(edit);
}
