import { z } from "zod";
import { ORDER_STATUSES } from "../order/order.js";
import { RETURN_REASONS } from "../order/order-return.js";
import { ORDER_VIEWS } from "../order/views.js";
import { PAYMENT_STATUSES, REFUND_DESTINATIONS } from "../payment/payment.js";
import { paymentMethodInput } from "./cart.js";
import { amountMinor, dateTime, id, idempotencyKey, int, labelled, oneOf, optionalText, pageInput, text, yesNo } from "./fields.js";

const refundDestination = oneOf("Refund destination", REFUND_DESTINATIONS);

export const orderIdInput = z.object({ orderId: id("Order") });

/**
 * What Razorpay Checkout's handler hands the browser after a payment, sent on for the server to
 * verify: the payment's id and `razorpay_signature` (hex HMAC-SHA256). The Razorpay Order is the
 * one attached to our order, never one the browser names.
 */
export const verifyPaymentInput = z.object({
  orderId: id("Order"),
  paymentId: labelled(z.string({ error: "Payment is required" }).regex(/^pay_[A-Za-z0-9]{1,40}$/, { error: "Payment must be a Razorpay payment id (pay_…)" }), "Payment"),
  signature: labelled(z.string({ error: "Payment signature is required" }).regex(/^[0-9a-f]{64}$/, { error: "Payment signature must be 64 hexadecimal characters" }), "Payment signature"),
});

/** The admin order list: every filter optional and combined with AND; placed in [`placedFrom`, `placedTo`). */
export const orderListInput = z
  .object({
    status: oneOf("Status", ORDER_STATUSES, "an order status").nullable().default(null),
    /** A saved view standing for several statuses at once (any of them), combined with the other filters. */
    view: oneOf("View", ORDER_VIEWS, "a saved view").nullable().default(null),
    paymentStatus: oneOf("Payment status", PAYMENT_STATUSES, "a payment status").nullable().default(null),
    paymentMethod: paymentMethodInput.nullable().default(null),
    userId: id("Customer").nullable().default(null),
    placedFrom: dateTime("Placed from").nullable().default(null),
    placedTo: dateTime("Placed until").nullable().default(null),
    search: optionalText("Search", 100),
    ...pageInput,
  })
  .refine((q) => q.placedFrom === null || q.placedTo === null || q.placedFrom < q.placedTo, {
    error: "Placed until must be after placed from",
    path: ["placedTo"],
  });

const reason = text("Reason", 500, 3);

/** Units of order lines to return: each line once, at least one unit (whether that many are left is the order's to say). */
const returnLines = labelled(
  z
    .array(z.object({ variantId: id("Item"), quantity: int("Quantity", 1, 99) }), { error: "Items must be a list of order lines" })
    .min(1, { error: "Pick at least one item to return" })
    .max(50, { error: "Pick at most 50 items" }),
  "Items",
);

/** What a shopper (or an admin for them) asks back: which units of which lines, a reason from the list, and free text. */
const returnRequest = {
  lines: returnLines,
  reason: oneOf("Reason", RETURN_REASONS),
  note: optionalText("Note", 500),
};

/** A shopper's request to return units of a delivered order. */
export const returnRequestInput = z.object({ orderId: id("Order"), ...returnRequest });

/** The admin's decision for each line of the open return, where the refund goes, and an optional override of core's amount, with its reason. */
const returnApproval = {
  lines: labelled(
    z
      .array(z.object({ variantId: id("Item"), approve: yesNo("Approve") }), { error: "Items must be a list of decisions" })
      .min(1, { error: "Decide every item of the return" })
      .max(50, { error: "Decide at most 50 items" }),
    "Items",
  ),
  destination: refundDestination,
  override: labelled(z.object({ amountMinor: amountMinor("Refund amount"), reason }, { error: "Override must have a refund amount and a reason" }), "Override")
    .nullable()
    .default(null),
};

/** The lines an admin means to approve, to see core's amount before confirming. */
export const returnQuoteInput = z.object({
  orderId: id("Order"),
  approve: labelled(z.array(id("Item"), { error: "Approved items must be a list of items" }).max(50, { error: "Approve at most 50 items" }), "Approved items"),
});

const packEvent = z.object({ type: z.literal("pack") });
const shipEvent = z.object({ type: z.literal("ship"), carrier: text("Carrier", 60), trackingNumber: text("Tracking number", 60) });

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
    z.object({ type: z.literal("receive_return"), restock: yesNo("Put back in stock") }),
  ],
  { error: "Action must be a known order action" },
);

export const orderTransitionInput = z.object({ orderId: id("Order"), event: labelled(orderEventInput, "Action") });

/**
 * Fulfilment in bulk: pack or ship (each with its own carrier and tracking number) up to 50
 * orders, each order once. Only these two: cancelling or settling returns stays one order at a time.
 */
export const orderBulkFulfilInput = z.object({
  items: labelled(
    z
      .array(z.object({ orderId: id("Order"), event: labelled(z.discriminatedUnion("type", [packEvent, shipEvent], { error: "Action must be pack or ship" }), "Action") }), {
        error: "Orders must be a list of orders and actions",
      })
      .min(1, { error: "Pick at least one order" })
      .max(50, { error: "Pick at most 50 orders" })
      .refine((items) => new Set(items.map((item) => item.orderId)).size === items.length, { error: "Pick each order once" }),
    "Orders",
  ),
});

export const refundInput = z.object({
  orderId: id("Order"),
  amountMinor: amountMinor("Refund amount", 1),
  destination: refundDestination,
  reason,
  /** Units returned, when the refund is for specific items; the API can price them with refundForUnits. */
  items: labelled(z.array(z.object({ variantId: id("Item"), quantity: int("Quantity", 1, 99) }), { error: "Items must be a list of order lines" }), "Items").default([]),
  /** A retry with the same key answers with the first refund; the same key with another body is refused (409). */
  idempotencyKey,
});

/** Retry the provider call of a refund still pending (its earlier call failed or was never confirmed). */
export const refundIdInput = z.object({ orderId: id("Order"), refundId: id("Refund") });

/** The dashboard's reporting period (sales chart, top products): the last 7 or 30 days, today included, in the store's time zone. */
export const salesReportInput = z.object({
  days: labelled(z.union([z.literal(7), z.literal(30)], { error: "Period must be 7 or 30 days" }), "Period").default(7),
});
