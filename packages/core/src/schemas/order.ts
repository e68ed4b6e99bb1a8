import { z } from "zod";
import { ORDER_STATUSES } from "../order/order.js";
import { RETURN_REASONS } from "../order/order-return.js";
import { ORDER_VIEWS } from "../order/views.js";
import { PAYMENT_METHODS, PAYMENT_STATUSES, REFUND_DESTINATIONS } from "../payment/payment.js";
import { amountMinor, dateTime, id, idempotencyKey, int, oneOf, optionalText, pageInput, text } from "./fields.js";

export const orderIdInput = z.object({ orderId: id("orderId") });

/**
 * What Razorpay Checkout's handler hands the browser after a payment, sent on for the server to
 * verify: the payment's id and `razorpay_signature` (hex HMAC-SHA256). The Razorpay Order is the
 * one attached to our order, never one the browser names.
 */
export const verifyPaymentInput = z.object({
  orderId: id("orderId"),
  paymentId: z.string({ error: "paymentId is required" }).regex(/^pay_[A-Za-z0-9]{1,40}$/, { error: "paymentId must be a Razorpay payment id (pay_…)" }),
  signature: z.string({ error: "signature is required" }).regex(/^[0-9a-f]{64}$/, { error: "signature must be 64 hexadecimal characters" }),
});

/** The admin order list: every filter optional and combined with AND; placed in [`placedFrom`, `placedTo`). */
export const orderListInput = z
  .object({
    status: z.enum(ORDER_STATUSES, { error: "status must be an order status" }).nullable().default(null),
    /** A saved view standing for several statuses at once (any of them), combined with the other filters. */
    view: oneOf("view", ORDER_VIEWS).nullable().default(null),
    paymentStatus: z.enum(PAYMENT_STATUSES, { error: "paymentStatus must be a payment status" }).nullable().default(null),
    paymentMethod: oneOf("paymentMethod", PAYMENT_METHODS).nullable().default(null),
    userId: id("userId").nullable().default(null),
    placedFrom: dateTime("placedFrom").nullable().default(null),
    placedTo: dateTime("placedTo").nullable().default(null),
    search: optionalText("search", 100),
    ...pageInput,
  })
  .refine((q) => q.placedFrom === null || q.placedTo === null || q.placedFrom < q.placedTo, {
    error: "placedTo must be after placedFrom",
    path: ["placedTo"],
  });

const reason = text("reason", 500, 3);

/** Units of order lines to return: each line once, at least one unit (whether that many are left is the order's to say). */
const returnLines = z
  .array(z.object({ variantId: id("variantId"), quantity: int("quantity", 1, 99) }), { error: "lines must be a list of order lines" })
  .min(1, { error: "lines must name at least one line to return" })
  .max(50, { error: "lines must name at most 50 lines" });

/** What a shopper (or an admin for them) asks back: which units of which lines, a reason from the list, and free text. */
const returnRequest = {
  lines: returnLines,
  reason: oneOf("reason", RETURN_REASONS),
  note: optionalText("note", 500),
};

/** A shopper's request to return units of a delivered order. */
export const returnRequestInput = z.object({ orderId: id("orderId"), ...returnRequest });

/** The admin's decision for each line of the open return, where the refund goes, and an optional override of core's amount, with its reason. */
const returnApproval = {
  lines: z
    .array(z.object({ variantId: id("variantId"), approve: z.boolean({ error: "approve must be true or false" }) }), { error: "lines must be a list of decisions" })
    .min(1, { error: "lines must decide every line of the return" })
    .max(50, { error: "lines must name at most 50 lines" }),
  destination: oneOf("destination", REFUND_DESTINATIONS),
  override: z.object({ amountMinor: amountMinor("override.amountMinor"), reason }, { error: "override must have amountMinor and reason" }).nullable().default(null),
};

/** The lines an admin means to approve, to see core's amount before confirming. */
export const returnQuoteInput = z.object({
  orderId: id("orderId"),
  approve: z.array(id("approve"), { error: "approve must be a list of variant ids" }).max(50, { error: "approve must name at most 50 lines" }),
});

const packEvent = z.object({ type: z.literal("pack") });
const shipEvent = z.object({ type: z.literal("ship"), carrier: text("carrier", 60), trackingNumber: text("trackingNumber", 60) });

/** One schema per order event a person can trigger; `confirm` and `expire` belong to the system. */
export const orderEventInput = z.discriminatedUnion(
  "type",
  [
    packEvent,
    shipEvent,
    z.object({ type: z.literal("deliver") }),
    z.object({ type: z.literal("cancel"), reason }),
    z.object({ type: z.literal("request_return"), ...returnRequest }),
    z.object({ type: z.literal("approve_return"), ...returnApproval }),
    z.object({ type: z.literal("reject_return"), reason }),
    z.object({ type: z.literal("receive_return"), restock: z.boolean({ error: "restock must be true or false" }) }),
  ],
  { error: "type must be a known order action" },
);

export const orderTransitionInput = z.object({ orderId: id("orderId"), event: orderEventInput });

/**
 * Fulfilment in bulk: pack or ship (each with its own carrier and tracking number) up to 50
 * orders, each order once. Only these two: cancelling or settling returns stays one order at a time.
 */
export const orderBulkFulfilInput = z.object({
  items: z
    .array(z.object({ orderId: id("orderId"), event: z.discriminatedUnion("type", [packEvent, shipEvent], { error: "type must be pack or ship" }) }), {
      error: "items must be a list of orders and actions",
    })
    .min(1, { error: "items must name at least one order" })
    .max(50, { error: "items must name at most 50 orders" })
    .refine((items) => new Set(items.map((item) => item.orderId)).size === items.length, { error: "items must name each order once" }),
});

export const refundInput = z.object({
  orderId: id("orderId"),
  amountMinor: amountMinor("amountMinor", 1),
  destination: oneOf("destination", REFUND_DESTINATIONS),
  reason,
  /** Units returned, when the refund is for specific items; the API can price them with refundForUnits. */
  items: z.array(z.object({ variantId: id("variantId"), quantity: int("quantity", 1, 99) })).default([]),
  /** A retry with the same key answers with the first refund; the same key with another body is refused (409). */
  idempotencyKey,
});

/** Retry the provider call of a refund still pending (its earlier call failed or was never confirmed). */
export const refundIdInput = z.object({ orderId: id("orderId"), refundId: id("refundId") });

/** The dashboard's reporting period (sales chart, top products): the last 7 or 30 days, today included, in the store's time zone. */
export const salesReportInput = z.object({
  days: z.union([z.literal(7), z.literal(30)], { error: "days must be 7 or 30" }).default(7),
});
