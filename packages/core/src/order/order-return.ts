import type { Money } from "../money/money.js";
import type { RefundDestination } from "../payment/payment.js";

/** Why a shopper sends units back: the list the shop's form offers, with free text beside it. */
export const RETURN_REASONS = ["damaged", "wrong_item", "not_as_described", "no_longer_needed", "other"] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/**
 * Where one return stands. It follows the order's own return statuses (the order machine's table
 * moves both): requested → approved (some lines) or rejected → received.
 */
export const RETURN_STATUSES = ["requested", "approved", "rejected", "received"] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** Units of one order line a shopper asks to return. */
export interface ReturnSelection {
  readonly variantId: string;
  readonly quantity: number;
}

/** One line of a return: what was asked for, the admin's decision, and what those units paid. */
export interface ReturnLine extends ReturnSelection {
  /** The admin's decision for this line; null while the return waits for one. */
  readonly approved: boolean | null;
  /** What these units paid (their share of the line's discounted total), set when approved. */
  readonly amount: Money | null;
  /** The tax included in `amount`, for the credit note. */
  readonly tax: Money | null;
}

/**
 * A shopper's return of some units of some lines. An order holds its returns in the order they
 * were asked for; at most one is open (requested or approved) at a time, because the order's
 * status says where it stands.
 */
export interface OrderReturn {
  /** `R1`, `R2`, … within the order: what staff and the shopper call it. */
  readonly id: string;
  readonly status: ReturnStatus;
  readonly reason: ReturnReason;
  readonly note: string | null;
  readonly requestedAt: Date;
  readonly lines: readonly ReturnLine[];
  /** The delivery fee given back with this return: only by the one that completes the order's return, else zero. Null until decided. */
  readonly delivery: Money | null;
  /** What is refunded for it: the lines' amounts plus delivery, or the admin's override. Null until approved (and for returns settled by hand before amounts were computed). */
  readonly amount: Money | null;
  /** Why the admin refunds another amount than the computed one; null when the computed amount stands. */
  readonly overrideReason: string | null;
  readonly destination: RefundDestination | null;
  /** The refund issued when the units arrived back; null before. */
  readonly refundId: string | null;
  /** The admin's decision when the units arrived; null until then. */
  readonly restocked: boolean | null;
}
