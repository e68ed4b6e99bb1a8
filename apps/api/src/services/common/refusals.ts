import {
  DuplicateKeyError,
  formatMoney,
  InvalidCursorError,
  type CartError,
  type CartProblem,
  type LedgerError,
  type Money,
  type OrderError,
  type PlaceOrderError,
  type RefundError,
  type RefundSettlementError,
  type ReturnSelectionError,
  type UniqueKey,
  type WalletPaymentError,
} from "@bbscart/core";
import { AppError, notFound } from "./app-error.js";

/** What a decision's effects can meet in the guarded writes: stock taken meanwhile, a coupon used up, a wallet too short. */
export type EffectRefusal =
  | { readonly code: "OUT_OF_STOCK"; readonly sku: string; readonly variantId: string }
  | { readonly code: "COUPON_UNAVAILABLE"; readonly couponCode: string }
  | LedgerError;

/** What `decide` adds to a decision's own refusals: the order is not the caller's to see, or stays contended. */
export type DecideRefusal<E> = E | EffectRefusal | { readonly code: "ORDER_NOT_FOUND" } | { readonly code: "ORDER_BUSY" };

/** A refund for returned items may not give back more than those items cost. */
export type ItemsRefusal = ReturnSelectionError | { readonly code: "REFUND_EXCEEDS_ITEMS"; readonly worth: Money };

/** Checkout's own refusals, beside the core's placement rules. */
export type CheckoutRefusal =
  | { readonly code: "CART_NEEDS_ATTENTION"; readonly problems: readonly CartProblem[] }
  | { readonly code: "ADDRESS_NOT_FOUND" }
  | { readonly code: "IDEMPOTENCY_KEY_EXPIRED" }
  | { readonly code: "IDEMPOTENCY_KEY_REUSED"; readonly what: string };

/** An admin's wallet adjustment: a debit past the balance. */
export type AdjustmentRefusal = { readonly code: "ADJUSTMENT_EXCEEDS_BALANCE"; readonly balance: Money } | { readonly code: "USER_NOT_FOUND" };

/** An admin's access change that would leave no enabled admin holding users.manage. */
export type AccessRefusal = { readonly code: "LAST_MANAGER" };

/** Every refusal an order action can meet: placement, the state machine, payments, refunds, guarded writes. */
export type OrderRefusal = DecideRefusal<OrderError | RefundError | RefundSettlementError | ItemsRefusal | PlaceOrderError | WalletPaymentError>;

/** Every refusal the core (or a service on its behalf) returns as a value, by its code. */
export type Refusal = OrderRefusal | CheckoutRefusal | CartError | AdjustmentRefusal | AccessRefusal;

const words = (name: string) => name.replaceAll("_", " ");

type Table = { [C in Refusal["code"]]: (refusal: Extract<Refusal, { code: C }>) => AppError };

/**
 * The one table from refusal values to answers, for shoppers and admins alike: each code's status,
 * message and the input field it concerns, so forms can show the message beside it. The state
 * machine's refusals name the current status (a stale button, or someone else acted first).
 */
const table: Table = {
  ORDER_NOT_FOUND: () => notFound("Order"),
  ORDER_BUSY: (r) => new AppError("CONFLICT", "This order is being changed by someone else; reload it and try again", { reason: r.code }),
  EMPTY_CART: (r) => new AppError("PRECONDITION_FAILED", "Your cart is empty", { reason: r.code }),
  CART_NEEDS_ATTENTION: (r) => cartProblems(r.problems),
  ADDRESS_NOT_FOUND: () => new AppError("NOT_FOUND", "addressId is not one of your addresses", { field: "addressId" }),
  IDEMPOTENCY_KEY_EXPIRED: (r) => new AppError("CONFLICT", "idempotencyKey has expired; start a new checkout", { field: "idempotencyKey", reason: r.code }),
  IDEMPOTENCY_KEY_REUSED: (r) => new AppError("CONFLICT", `idempotencyKey was already used for a different ${r.what}`, { field: "idempotencyKey", reason: r.code }),
  COD_UNAVAILABLE: (r) => new AppError("BAD_REQUEST", "Cash on delivery is not available", { field: "paymentMethod", reason: r.code }),
  CURRENCY_MISMATCH: (r) =>
    new AppError("CONFLICT", `Your cart is priced in ${r.actual} but the store now sells in ${r.expected}; review your cart`, { reason: r.code }),
  OUT_OF_STOCK: (r) => new AppError("CONFLICT", `${r.sku} just sold out; review your cart`, { reason: r.code }),
  COUPON_UNAVAILABLE: (r) => new AppError("CONFLICT", "This coupon has just been used up; remove it and try again", { field: "code", reason: r.code }),
  INSUFFICIENT_FUNDS: (r) => new AppError("PRECONDITION_FAILED", "Your wallet balance does not cover this order", { field: "paymentMethod", reason: r.code }),
  INVALID_TRANSITION: (r) =>
    new AppError("CONFLICT", `An order that is ${words(r.from)} cannot take the action "${words(r.event)}"`, { field: "event.type", reason: r.code }),
  NOT_ALLOWED: (r) =>
    "permission" in r
      ? new AppError("FORBIDDEN", `This needs the ${r.permission} permission`, { reason: r.code })
      : new AppError("FORBIDDEN", `An ${r.actor} may not ${words(r.event)} an order`, { reason: r.code }),
  GUARD_FAILED: (r) =>
    new AppError("PRECONDITION_FAILED", `Cannot ${words(r.event)} this order: ${words(r.reason)}`, { field: "event.type", reason: r.reason.toUpperCase() }),
  INVALID_AMOUNT: (r) => new AppError("BAD_REQUEST", "amountMinor must be a positive amount in the order's currency", { field: "amountMinor", reason: r.code }),
  REFUND_EXCEEDS_CAPTURED: (r) =>
    new AppError("BAD_REQUEST", `amountMinor is more than can still be refunded (${formatMoney(r.refundable)})`, { field: "amountMinor", reason: r.code }),
  REFUND_DESTINATION_UNAVAILABLE: (r) =>
    new AppError("BAD_REQUEST", `A ${r.method} payment cannot be refunded to the ${r.destination}`, { field: "destination", reason: r.code }),
  UNKNOWN_LINE: (r) => new AppError("BAD_REQUEST", `items names a variant that is not in this order (${r.variantId})`, { field: "items", reason: r.code }),
  QUANTITY_EXCEEDS_LINE: (r) =>
    new AppError("BAD_REQUEST", `items returns more of ${r.variantId} than was ordered (${r.ordered})`, { field: "items", reason: r.code }),
  REFUND_EXCEEDS_ITEMS: (r) =>
    new AppError("BAD_REQUEST", `amountMinor is more than the returned items cost (${formatMoney(r.worth)})`, { field: "amountMinor", reason: r.code }),
  RETURN_LINE_UNKNOWN: (r) => new AppError("BAD_REQUEST", `lines.${r.index}.variantId is not a line of this order (${r.variantId})`, { field: `lines.${r.index}.variantId`, reason: r.code }),
  RETURN_LINE_REPEATED: (r) => new AppError("BAD_REQUEST", `lines.${r.index}.variantId names a line already in this return`, { field: `lines.${r.index}.variantId`, reason: r.code }),
  RETURN_EXCEEDS_UNITS: (r) =>
    new AppError("BAD_REQUEST", `lines.${r.index}.quantity is more than can still be returned of this line (${r.returnable})`, {
      field: `lines.${r.index}.quantity`,
      reason: r.code,
    }),
  RETURN_DECISIONS_MISMATCH: (r) =>
    new AppError("BAD_REQUEST", `event.lines must decide each line of the return once (${r.expected.join(", ")})`, { field: "event.lines", reason: r.code }),
  RETURN_NONE_APPROVED: (r) =>
    new AppError("BAD_REQUEST", "event.lines approves no line; reject the return instead", { field: "event.lines", reason: r.code }),
  RETURN_EXCEEDS_REFUNDABLE: (r) =>
    r.override
      ? new AppError("BAD_REQUEST", `event.override.amountMinor is more than can still be refunded (${formatMoney(r.refundable)})`, {
          field: "event.override.amountMinor",
          reason: r.code,
        })
      : new AppError("BAD_REQUEST", `The computed refund (${formatMoney(r.amount)}) is more than can still be refunded (${formatMoney(r.refundable)}); override it with a reason`, {
          field: "event.override",
          reason: r.code,
        }),
  NO_RETURN_TO_DECIDE: (r) => new AppError("CONFLICT", "This order has no return waiting for a decision", { reason: r.code }),
  REFUND_NOT_FOUND: () => notFound("Refund"),
  REFUND_NOT_PENDING: (r) => new AppError("CONFLICT", `This refund has already ${r.status}`, { field: "refundId", reason: r.code }),
  NOT_IN_CART: (r) => new AppError("NOT_FOUND", "This item is not in your cart", { field: "variantId", reason: r.code }),
  QUANTITY_LIMIT: (r) => new AppError("BAD_REQUEST", `quantity must be at most ${r.max} per item`, { field: "quantity", reason: r.code }),
  USER_NOT_FOUND: () => notFound("User"),
  ADJUSTMENT_EXCEEDS_BALANCE: (r) =>
    new AppError("BAD_REQUEST", `amountMinor would take the wallet below zero (balance ${formatMoney(r.balance)})`, { field: "amountMinor", reason: "INSUFFICIENT_FUNDS" }),
  LAST_MANAGER: (r) =>
    new AppError("CONFLICT", "This is the last enabled admin who can manage users; give another admin users.manage first", {
      field: "userId",
      reason: r.code,
    }),
  // These follow only from ids or amounts computed wrongly: a bug, not a refusal.
  OVER_CAPTURE: bug,
  INVALID_TRANSFER: bug,
  TRANSFER_ID_CONFLICT: bug,
};

function bug(refusal: Refusal): never {
  throw new Error(`unexpected refusal: ${JSON.stringify(refusal)}`);
}

/** A cart that needs attention before checkout: an empty one says so as checkout's own refusal does; a bad delivery option names the field. */
function cartProblems(problems: readonly CartProblem[]): AppError {
  if (problems.some((p) => p.code === "EMPTY_CART")) return table.EMPTY_CART({ code: "EMPTY_CART" });
  if (problems.some((p) => p.code === "DELIVERY_OPTION_UNAVAILABLE")) {
    return new AppError("BAD_REQUEST", "deliveryOptionId is not a delivery option of this store", { field: "deliveryOptionId" });
  }
  const codes = [...new Set(problems.map((p) => p.code))];
  return new AppError("PRECONDITION_FAILED", `Your cart needs attention before checkout (${codes.join(", ")})`, { reason: codes[0] });
}

/** The answer to a refusal value: throw what this returns. */
export function refused(refusal: Refusal): AppError {
  return (table[refusal.code] as (r: Refusal) => AppError)(refusal);
}

/** The input field each unique index belongs to, and what a clash means to an admin. */
const clashes: Partial<Record<UniqueKey, { field: string; message: string }>> = {
  "products.slug": { field: "slug", message: "slug is already used by another product" },
  "variants.sku": { field: "sku", message: "sku is already used by another variant" },
  "categories.slug": { field: "slug", message: "slug is already used by another category" },
  "coupons.code": { field: "code", message: "code is already used by another coupon" },
};

/**
 * The adapters' failures that are the caller's doing, as refusals: a cursor this listing did not
 * issue (tampered, or from another listing) is bad input in every listing, and a unique-index
 * clash is a conflict naming its field where one is known. Anything else is not a refusal (null).
 */
export function adapterRefusal(error: unknown): AppError | null {
  if (error instanceof InvalidCursorError) return new AppError("BAD_REQUEST", "cursor is not valid for this listing", { field: "cursor" });
  if (error instanceof DuplicateKeyError) {
    const clash = clashes[error.key];
    return clash ? new AppError("CONFLICT", clash.message, { field: clash.field }) : new AppError("CONFLICT", "This record already exists");
  }
  return null;
}
