import {
  ADDRESS_FIX_LABELS,
  CART_PROBLEM_CODES,
  COUPON_REJECTION_REASONS,
  DuplicateKeyError,
  formatMoney,
  GSTIN_PROBLEMS,
  GUARD_REASONS,
  InvalidCursorError,
  type AddressFix,
  type CartError,
  type CartProblem,
  type CategoryRefusal,
  type CouponRejection,
  type CouponEditRefusal,
  type CreditNoteError,
  type ImageAltsMismatch,
  type LedgerError,
  type Money,
  type OrderError,
  type PlaceOrderError,
  type RefundError,
  type RefundSettlementError,
  type ReturnSelectionError,
  type TaxSettingsError,
  type UniqueKey,
  type WalletPaymentError,
} from "@bbscart/core";
import { AppError, type AppErrorCode } from "./app-error.js";

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
  | { readonly code: "ADDRESS_NEEDS_FIX"; readonly fixes: readonly AddressFix[] }
  | { readonly code: "IDEMPOTENCY_KEY_EXPIRED" }
  | { readonly code: "IDEMPOTENCY_KEY_REUSED"; readonly what: string };

/**
 * A guest's order looked up without an account (ADR 142): a number and contact that match no order
 * (one answer for a wrong number and a wrong email or phone: no oracle), too many lookups, or an
 * order link that is malformed, tampered with or expired (one answer for all three).
 */
export type GuestOrderRefusal =
  | { readonly code: "TRACKING_NO_MATCH" }
  | { readonly code: "TRACKING_THROTTLED"; readonly retryAfterSeconds: number }
  | { readonly code: "ORDER_LINK_INVALID" }
  /** A signed-in shopper claiming, by its link, a guest order placed with another email. */
  | { readonly code: "GUEST_ORDER_OTHER_EMAIL" };

/** An admin's wallet adjustment: a debit past the balance. */
export type AdjustmentRefusal = { readonly code: "ADJUSTMENT_EXCEEDS_BALANCE"; readonly balance: Money } | { readonly code: "USER_NOT_FOUND" };

/** An admin's access change that would leave no enabled admin holding users.manage. */
export type AccessRefusal = { readonly code: "LAST_MANAGER" };

/** Paying again by card: only a card order still awaiting payment can be paid. */
export type PaymentSessionRefusal = { readonly code: "NOT_A_CARD_ORDER"; readonly method: string } | { readonly code: "NOT_AWAITING_PAYMENT"; readonly status: string };

/** A variant that cannot go into a cart: missing, or its product archived (the same to a shopper). */
export type SellableRefusal = { readonly code: "NOT_FOR_SALE"; readonly variantId: string };

/** The admin's catalog edits: a product named that does not exist, an image key never uploaded, alt texts that do not line up with the images. */
export type CatalogRefusal =
  | { readonly code: "PRODUCT_NOT_FOUND"; readonly productId: string }
  | { readonly code: "UPLOAD_MISSING"; readonly field: "image" | "images"; readonly key: string }
  | ImageAltsMismatch;

/** Step-up for sensitive admin actions: an enrolled admin's code is missing or wrong. */
export type SecondFactorRefusal = { readonly code: "TOTP_REQUIRED" } | { readonly code: "TOTP_INVALID" };

/** The code step of a two-step sign-in: its challenge dead or spent, or the code wrong or used. */
export type SignInChallengeRefusal =
  | { readonly code: "CHALLENGE_INVALID" }
  | { readonly code: "CHALLENGE_EXHAUSTED" }
  | { readonly code: "CODE_INVALID"; readonly field: "code" | "recoveryCode" };

/** Every refusal an order action can meet: placement, the state machine, payments, refunds, guarded writes. */
export type OrderRefusal = DecideRefusal<OrderError | RefundError | RefundSettlementError | ItemsRefusal | PlaceOrderError | WalletPaymentError>;

/** Every refusal the core (or a service on its behalf) returns as a value, by its code. */
export type Refusal =
  | OrderRefusal
  | CheckoutRefusal
  | GuestOrderRefusal
  | CartError
  | CouponRejection
  | SellableRefusal
  | PaymentSessionRefusal
  | AdjustmentRefusal
  | AccessRefusal
  | SecondFactorRefusal
  | SignInChallengeRefusal
  | CategoryRefusal
  | CatalogRefusal
  | CouponEditRefusal
  | TaxSettingsError
  | CreditNoteError;

/** A refusal's code: what a procedure lists in its `rest({ refuses })` for the REST document. */
export type RefusalCode = Refusal["code"];

const words = (name: string) => name.replaceAll("_", " ");

/**
 * One answer a refusal can become, known without a refusal in hand: its code, the input field it
 * concerns, and the machine-readable reason a client sees (null: the code's own). The REST document
 * declares each operation's statuses and problem types from these.
 */
export interface RefusalAnswer {
  readonly code: AppErrorCode;
  readonly field: string | null;
  readonly reason: string | null;
}

/** How one kind of refusal is answered: every answer it can give, and the answer to a given refusal (always one of them). */
interface Rule<R> {
  readonly answers: readonly RefusalAnswer[];
  readonly answer: (refusal: R) => AppError;
}

/** A refusal with a single answer: `code`, the field and reason in `details`, and its message. */
function one<R>(code: AppErrorCode, message: (refusal: R) => string, details: { field?: string; reason?: string } = {}): Rule<R> {
  return { answers: [{ code, field: details.field ?? null, reason: details.reason ?? null }], answer: (refusal) => new AppError(code, message(refusal), details) };
}

/** A refusal whose reason is one of `reasons` (a list from core), picked from the refusal by `reasonOf`. */
function oneOfReasons<R>(code: AppErrorCode, reasons: readonly string[], reasonOf: (refusal: R) => string, message: (refusal: R) => string, field?: string): Rule<R> {
  return {
    answers: reasons.map((reason) => ({ code, field: field ?? null, reason })),
    answer: (refusal) => new AppError(code, message(refusal), { ...(field ? { field } : {}), reason: reasonOf(refusal) }),
  };
}

/** A refusal about one line of a return request, naming `lines.<index>.<part>` (the document names `lines.{i}.<part>`). */
function atReturnLine<R extends { readonly index: number }>(reason: string, part: "variantId" | "quantity", message: (refusal: R) => string): Rule<R> {
  return {
    answers: [{ code: "BAD_REQUEST", field: `lines.{i}.${part}`, reason }],
    answer: (refusal) => new AppError("BAD_REQUEST", message(refusal), { field: `lines.${refusal.index}.${part}`, reason }),
  };
}

/** A refusal that follows only from ids or amounts computed wrongly: a bug, never an answer. */
const bug: Rule<Refusal> = {
  answers: [],
  answer: (refusal) => {
    throw new Error(`unexpected refusal: ${JSON.stringify(refusal)}`);
  },
};

const emptyCart = one<unknown>("PRECONDITION_FAILED", () => "Your cart is empty", { reason: "EMPTY_CART" });
const deliveryOptionUnavailable = one<unknown>("BAD_REQUEST", () => "Delivery option is not one this store offers", {
  field: "deliveryOptionId",
  reason: "DELIVERY_OPTION_UNAVAILABLE",
});
/** The cart problems checkout answers with their own code as the reason (the empty cart and a bad delivery option are answered apart). */
const attention = oneOfReasons<readonly CartProblem["code"][]>(
  "PRECONDITION_FAILED",
  CART_PROBLEM_CODES.filter((code) => code !== "EMPTY_CART" && code !== "DELIVERY_OPTION_UNAVAILABLE"),
  (codes) => codes[0]!,
  (codes) => `Your cart needs attention before checkout (${codes.map(words).join(", ")})`,
);

/** A cart that needs attention before checkout: an empty one says so as checkout's own refusal does; a bad delivery option names the field. */
const cartNeedsAttention: Rule<Extract<Refusal, { code: "CART_NEEDS_ATTENTION" }>> = {
  answers: [...emptyCart.answers, ...deliveryOptionUnavailable.answers, ...attention.answers],
  answer: ({ problems }) => {
    if (problems.some((p) => p.code === "EMPTY_CART")) return emptyCart.answer(null);
    if (problems.some((p) => p.code === "DELIVERY_OPTION_UNAVAILABLE")) return deliveryOptionUnavailable.answer(null);
    return attention.answer([...new Set(problems.map((p) => p.code))]);
  },
};

type Table = { [C in RefusalCode]: Rule<Extract<Refusal, { code: C }>> };

/**
 * The one table from refusal values to answers, for shoppers and admins alike: each code's status,
 * message and the input field it concerns, so forms can show the message beside it. The state
 * machine's refusals name the current status (a stale button, or someone else acted first).
 */
const table: Table = {
  ORDER_NOT_FOUND: one("NOT_FOUND", () => "Order not found"),
  ORDER_BUSY: one("CONFLICT", () => "This order is being changed by someone else; reload it and try again", { reason: "ORDER_BUSY" }),
  EMPTY_CART: emptyCart,
  CART_NEEDS_ATTENTION: cartNeedsAttention,
  ADDRESS_NOT_FOUND: one("NOT_FOUND", () => "Saved address is not one of your addresses", { field: "addressId" }),
  ADDRESS_NEEDS_FIX: one("BAD_REQUEST", (r) => `This address needs fixing before delivery: ${r.fixes.map((f) => ADDRESS_FIX_LABELS[f]).join(", ")}`, {
    field: "addressId",
    reason: "ADDRESS_NEEDS_FIX",
  }),
  IDEMPOTENCY_KEY_EXPIRED: one("CONFLICT", () => "This checkout has expired; start a new one", { field: "idempotencyKey", reason: "IDEMPOTENCY_KEY_EXPIRED" }),
  IDEMPOTENCY_KEY_REUSED: one("CONFLICT", (r) => `This request was already sent for a different ${r.what}; start again`, { field: "idempotencyKey", reason: "IDEMPOTENCY_KEY_REUSED" }),
  COD_UNAVAILABLE: one("BAD_REQUEST", () => "Cash on delivery is not available", { field: "paymentMethod", reason: "COD_UNAVAILABLE" }),
  CURRENCY_MISMATCH: one("CONFLICT", (r) => `Your cart is priced in ${r.actual} but the store now sells in ${r.expected}; review your cart`, { reason: "CURRENCY_MISMATCH" }),
  OUT_OF_STOCK: one("CONFLICT", (r) => `${r.sku} just sold out; review your cart`, { reason: "OUT_OF_STOCK" }),
  COUPON_UNAVAILABLE: one("CONFLICT", () => "This coupon has just been used up; remove it and try again", { field: "code", reason: "COUPON_UNAVAILABLE" }),
  COUPON_INVALID: oneOfReasons("BAD_REQUEST", COUPON_REJECTION_REASONS, (r) => r.reason, (r) => `This coupon cannot be used (${words(r.reason)})`, "code"),
  INSUFFICIENT_FUNDS: one("PRECONDITION_FAILED", () => "Your wallet balance does not cover this order", { field: "paymentMethod", reason: "INSUFFICIENT_FUNDS" }),
  INVALID_TRANSITION: one("CONFLICT", (r) => `An order that is ${words(r.from)} cannot take the action "${words(r.event)}"`, { field: "event.type", reason: "INVALID_TRANSITION" }),
  NOT_ALLOWED: one(
    "FORBIDDEN",
    (r) => ("permission" in r ? `This needs the ${r.permission} permission` : `An ${r.actor} may not ${words(r.event)} an order`),
    { reason: "NOT_ALLOWED" },
  ),
  GUARD_FAILED: oneOfReasons(
    "PRECONDITION_FAILED",
    GUARD_REASONS.map((reason) => reason.toUpperCase()),
    (r) => r.reason.toUpperCase(),
    (r) => `Cannot ${words(r.event)} this order: ${words(r.reason)}`,
    "event.type",
  ),
  INVALID_AMOUNT: one("BAD_REQUEST", () => "Refund amount must be a positive amount in the order's currency", { field: "amountMinor", reason: "INVALID_AMOUNT" }),
  REFUND_EXCEEDS_CAPTURED: one("BAD_REQUEST", (r) => `Refund amount is more than can still be refunded (${formatMoney(r.refundable)})`, {
    field: "amountMinor",
    reason: "REFUND_EXCEEDS_CAPTURED",
  }),
  REFUND_DESTINATION_UNAVAILABLE: one("BAD_REQUEST", (r) => `A ${words(r.method)} payment cannot be refunded to the ${r.destination}`, {
    field: "destination",
    reason: "REFUND_DESTINATION_UNAVAILABLE",
  }),
  UNKNOWN_LINE: one("BAD_REQUEST", () => "Items include a product that is not in this order", { field: "items", reason: "UNKNOWN_LINE" }),
  QUANTITY_EXCEEDS_LINE: one("BAD_REQUEST", (r) => `Items return more of a product than was ordered (${r.ordered})`, { field: "items", reason: "QUANTITY_EXCEEDS_LINE" }),
  REFUND_EXCEEDS_ITEMS: one("BAD_REQUEST", (r) => `Refund amount is more than the returned items cost (${formatMoney(r.worth)})`, { field: "amountMinor", reason: "REFUND_EXCEEDS_ITEMS" }),
  RETURN_LINE_UNKNOWN: atReturnLine("RETURN_LINE_UNKNOWN", "variantId", (r) => `Item ${r.index + 1} is not in this order`),
  RETURN_LINE_REPEATED: atReturnLine("RETURN_LINE_REPEATED", "variantId", (r) => `Item ${r.index + 1} is already in this return`),
  RETURN_EXCEEDS_UNITS: atReturnLine("RETURN_EXCEEDS_UNITS", "quantity", (r) => `Quantity of item ${r.index + 1} is more than can still be returned (${r.returnable})`),
  RETURN_DECISIONS_MISMATCH: one("BAD_REQUEST", (r) => `Decide each item of the return once (${r.expected.length} items)`, {
    field: "event.lines",
    reason: "RETURN_DECISIONS_MISMATCH",
  }),
  RETURN_NONE_APPROVED: one("BAD_REQUEST", () => "No item is approved; reject the return instead", { field: "event.lines", reason: "RETURN_NONE_APPROVED" }),
  RETURN_EXCEEDS_REFUNDABLE: {
    answers: ["event.override.amountMinor", "event.override"].map((field) => ({ code: "BAD_REQUEST", field, reason: "RETURN_EXCEEDS_REFUNDABLE" })),
    answer: (r) =>
      r.override
        ? new AppError("BAD_REQUEST", `Refund amount is more than can still be refunded (${formatMoney(r.refundable)})`, {
            field: "event.override.amountMinor",
            reason: "RETURN_EXCEEDS_REFUNDABLE",
          })
        : new AppError("BAD_REQUEST", `The computed refund (${formatMoney(r.amount)}) is more than can still be refunded (${formatMoney(r.refundable)}); override it with a reason`, {
            field: "event.override",
            reason: "RETURN_EXCEEDS_REFUNDABLE",
          }),
  },
  NO_RETURN_TO_DECIDE: one("CONFLICT", () => "This order has no return waiting for a decision", { reason: "NO_RETURN_TO_DECIDE" }),
  REFUND_NOT_FOUND: one("NOT_FOUND", () => "Refund not found"),
  REFUND_NOT_PENDING: one("CONFLICT", (r) => `This refund has already ${r.status}`, { field: "refundId", reason: "REFUND_NOT_PENDING" }),
  TRACKING_NO_MATCH: one("NOT_FOUND", () => "No order matches that order number with that email or phone; check both and try again", {
    field: "number",
    reason: "TRACKING_NO_MATCH",
  }),
  TRACKING_THROTTLED: {
    answers: [{ code: "TOO_MANY_REQUESTS", field: null, reason: "TRACKING_THROTTLED" }],
    answer: (r) =>
      new AppError("TOO_MANY_REQUESTS", `Too many lookups; try again in ${Math.ceil(r.retryAfterSeconds / 60)} minute${r.retryAfterSeconds > 60 ? "s" : ""}`, {
        reason: "TRACKING_THROTTLED",
        retryAfterSeconds: r.retryAfterSeconds,
      }),
  },
  ORDER_LINK_INVALID: one("NOT_FOUND", () => "This order link is not valid or has expired; find the order with its number and your email instead", {
    field: "token",
    reason: "ORDER_LINK_INVALID",
  }),
  GUEST_ORDER_OTHER_EMAIL: one("FORBIDDEN", () => "This order was placed with another email address; sign in with that email to add it to your account", {
    field: "token",
    reason: "GUEST_ORDER_OTHER_EMAIL",
  }),
  NOT_IN_CART: one("NOT_FOUND", () => "This item is not in your cart", { field: "variantId", reason: "NOT_IN_CART" }),
  NOT_FOR_SALE: one("NOT_FOUND", () => "This product is not available", { field: "variantId" }),
  QUANTITY_LIMIT: one("BAD_REQUEST", (r) => `Quantity must be at most ${r.max} per item`, { field: "quantity", reason: "QUANTITY_LIMIT" }),
  NOT_ENOUGH_STOCK: one(
    "CONFLICT",
    (r) =>
      r.available === 0
        ? "This item is sold out"
        : r.inCart >= r.available
          ? `Only ${r.available} left, and all of them are in your cart`
          : `Only ${r.available} left${r.inCart > 0 ? ` (${r.inCart} already in your cart)` : ""}`,
    { field: "quantity", reason: "NOT_ENOUGH_STOCK" },
  ),
  NOT_A_CARD_ORDER: one("PRECONDITION_FAILED", (r) => `This order is paid by ${words(r.method)}, not by card`, { reason: "NOT_A_CARD_ORDER" }),
  NOT_AWAITING_PAYMENT: one("CONFLICT", (r) => `An order that is ${words(r.status)} is not awaiting payment`, { reason: "NOT_AWAITING_PAYMENT" }),
  USER_NOT_FOUND: one("NOT_FOUND", () => "User not found"),
  ADJUSTMENT_EXCEEDS_BALANCE: one("BAD_REQUEST", (r) => `Amount would take the wallet below zero (balance ${formatMoney(r.balance)})`, {
    field: "amountMinor",
    reason: "INSUFFICIENT_FUNDS",
  }),
  LAST_MANAGER: one("CONFLICT", () => "This is the last enabled admin who can manage users; let another admin manage users first", { field: "userId", reason: "LAST_MANAGER" }),
  TOTP_REQUIRED: one("FORBIDDEN", () => "Enter the code from your authenticator app", { field: "totpCode", reason: "TOTP_REQUIRED" }),
  TOTP_INVALID: one("FORBIDDEN", () => "That authenticator code is not valid or was used already; wait for the next one", { field: "totpCode", reason: "TOTP_INVALID" }),
  CHALLENGE_INVALID: one("UNAUTHORIZED", () => "This sign-in has expired; sign in with your password again", { field: "challenge", reason: "CHALLENGE_INVALID" }),
  CHALLENGE_EXHAUSTED: one("TOO_MANY_REQUESTS", () => "Too many wrong codes; sign in with your password again", { field: "challenge", reason: "CHALLENGE_EXHAUSTED" }),
  CODE_INVALID: {
    answers: ["code", "recoveryCode"].map((field) => ({ code: "UNAUTHORIZED", field, reason: "CODE_INVALID" })),
    answer: ({ field }) =>
      new AppError(
        "UNAUTHORIZED",
        field === "code" ? "That code is not valid or was used already; wait for the next code and try again" : "That recovery code is not valid or was used already",
        { field, reason: "CODE_INVALID" },
      ),
  },
  CATEGORY_NOT_FOUND: one("BAD_REQUEST", () => "Category does not exist", { field: "categoryId", reason: "CATEGORY_NOT_FOUND" }),
  CATEGORY_ARCHIVED: one("BAD_REQUEST", () => "Category is archived; restore it first", { field: "categoryId", reason: "CATEGORY_ARCHIVED" }),
  PARENT_NOT_FOUND: one("BAD_REQUEST", () => "Parent category does not exist", { field: "parentId", reason: "PARENT_NOT_FOUND" }),
  PRODUCT_NOT_FOUND: one("BAD_REQUEST", () => "Products include one that does not exist", { field: "productIds", reason: "PRODUCT_NOT_FOUND" }),
  UPLOAD_MISSING: {
    answers: ["image", "images"].map((field) => ({ code: "BAD_REQUEST", field, reason: "UPLOAD_MISSING" })),
    answer: ({ field, key }) => new AppError("BAD_REQUEST", `Image ${key} was never uploaded; upload it first`, { field, reason: "UPLOAD_MISSING" }),
  },
  IMAGE_ALTS_MISMATCH: one("BAD_REQUEST", ({ images, alts }) => `Alt texts must have one text for each image (${images} images, ${alts} texts)`, {
    field: "imageAlts",
    reason: "IMAGE_ALTS_MISMATCH",
  }),
  PARENT_ARCHIVED: one("BAD_REQUEST", () => "Parent category is archived; restore it first", { field: "parentId", reason: "PARENT_ARCHIVED" }),
  CATEGORY_CYCLE: one("BAD_REQUEST", () => "Parent category would put the category inside itself", { field: "parentId", reason: "CATEGORY_CYCLE" }),
  CATEGORY_IN_USE: one(
    "CONFLICT",
    (r) =>
      `This category still holds ${[r.liveChildren > 0 ? `${r.liveChildren} subcategor${r.liveChildren === 1 ? "y" : "ies"}` : "", r.activeProducts ? "products on sale" : ""].filter(Boolean).join(" and ")}; move or archive them first`,
    { field: "categoryId", reason: "CATEGORY_IN_USE" },
  ),
  COUPON_CHANGED: one("CONFLICT", (r) => `This coupon was changed by someone else since you opened it (now version ${r.version}); reload it and edit again`, {
    field: "expectedVersion",
    reason: "COUPON_CHANGED",
  }),
  USAGE_LIMIT_BELOW_REDEMPTIONS: one("BAD_REQUEST", (r) => `Total uses cannot be below the ${r.usedCount} uses already made`, {
    field: "usageLimit",
    reason: "USAGE_LIMIT_BELOW_REDEMPTIONS",
  }),
  COUPON_WINDOW_INVALID: one("BAD_REQUEST", () => "Expiry must be after the start", { field: "expiresAt", reason: "COUPON_WINDOW_INVALID" }),
  INVALID_GSTIN: oneOfReasons(
    "BAD_REQUEST",
    GSTIN_PROBLEMS.map((problem) => `GSTIN_${problem.toUpperCase()}`),
    (r) => `GSTIN_${r.problem.toUpperCase()}`,
    (r) => `GSTIN is not valid (${r.problem === "check" ? "its check character does not match: look for a typing error" : `its ${r.problem} part is wrong`})`,
    "gstin",
  ),
  GSTIN_STATE_MISMATCH: one("BAD_REQUEST", (r) => `State must be the state the GSTIN is registered in (GST state code ${r.gstinState})`, {
    field: "stateCode",
    reason: "GSTIN_STATE_MISMATCH",
  }),
  LEGAL_NAME_REQUIRED: one("BAD_REQUEST", () => "Legal name is required once the store has a GSTIN: invoices print it", { field: "legalName", reason: "LEGAL_NAME_REQUIRED" }),
  INVOICE_PREFIX_INVALID: one("BAD_REQUEST", () => "Invoice prefix must be 1–3 capital letters or digits, and not CN or BOS (the credit-note and bill-of-supply series)", {
    field: "invoicePrefix",
    reason: "INVOICE_PREFIX_INVALID",
  }),
  TAX_RATE_NOT_A_SLAB: {
    answers: ["taxRateBp", "deliveryRateBp", "slabsBp"].map((field) => ({ code: "BAD_REQUEST", field, reason: "TAX_RATE_NOT_A_SLAB" })),
    answer: (r) =>
      new AppError(
        "BAD_REQUEST",
        r.field === "slabsBp"
          ? `GST rates must include the store's default rate (${r.rateBp / 100} %)`
          : `${r.field === "taxRateBp" ? "Tax rate %" : "Delivery GST rate %"} must be one of the store's GST rates (${r.slabsBp.map((bp) => `${bp / 100} %`).join(", ")})`,
        { field: r.field, reason: "TAX_RATE_NOT_A_SLAB" },
      ),
  },
  CREDIT_EXCEEDS_INVOICE: bug,
  OVER_CAPTURE: bug,
  INVALID_TRANSFER: bug,
  TRANSFER_ID_CONFLICT: bug,
};

/** The answer to a refusal value: throw what this returns. */
export function refused(refusal: Refusal): AppError {
  return (table[refusal.code] as Rule<Refusal>).answer(refusal);
}

/** Every answer the refusals `codes` can become, for declaring an operation's failures (the REST document). */
export function refusalAnswers(codes: readonly RefusalCode[]): RefusalAnswer[] {
  return codes.flatMap((code) => table[code].answers);
}

/** The input field each unique index belongs to, and what a clash means to an admin. */
const clashes: Partial<Record<UniqueKey, { field: string; message: string }>> = {
  "products.slug": { field: "slug", message: "Web address is already used by another product" },
  "variants.sku": { field: "sku", message: "SKU is already used by another variant" },
  "categories.slug": { field: "slug", message: "Web address is already used by another category" },
  "coupons.code": { field: "code", message: "Coupon code is already used by another coupon" },
};

/**
 * The adapters' failures that are the caller's doing, as refusals: a cursor this listing did not
 * issue (tampered, or from another listing) is bad input in every listing, and a unique-index
 * clash is a conflict naming its field where one is known. Anything else is not a refusal (null).
 */
export function adapterRefusal(error: unknown): AppError | null {
  if (error instanceof InvalidCursorError) return new AppError("BAD_REQUEST", "Page marker is not valid for this list; start from the first page", { field: "cursor" });
  if (error instanceof DuplicateKeyError) {
    const clash = clashes[error.key];
    return clash ? new AppError("CONFLICT", clash.message, { field: clash.field }) : new AppError("CONFLICT", "This record already exists");
  }
  return null;
}
