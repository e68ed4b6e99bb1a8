import {
  ORDER_EVENT_TYPES,
  ORDER_STATUS_EVENTS,
  ORDER_STATUSES,
  PAYMENT_EVENTS,
  PAYMENT_CHANNELS,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  REFUND_DESTINATIONS,
  REFUND_STATUSES,
  RETURN_REASONS,
  RETURN_STATUSES,
} from "@bbscart/core";
import { z } from "zod";
import { addressOutput } from "./accounts.js";
import { receiptOutput, totalsShape } from "./cart.js";
import { at, list, moneyOutput, nextCursor } from "./shared.js";

export const orderStatusOutput = z.enum(ORDER_STATUSES).meta({ id: "OrderStatus" });
export const orderEventOutput = z.enum(ORDER_EVENT_TYPES).meta({ id: "OrderEventType" });
export const paymentMethodOutput = z.enum(PAYMENT_METHODS).meta({ id: "PaymentMethod" });
export const paymentChannelOutput = z.enum(PAYMENT_CHANNELS).meta({
  id: "PaymentChannel",
  description: "How it was paid as far as the shop knows: `card` for a Stripe card payment, `online` for a Razorpay payment (UPI, card or netbanking; the instrument is not recorded) or one not started yet.",
});
export const paymentStatusOutput = z.enum(PAYMENT_STATUSES).meta({ id: "PaymentStatus" });
export const refundDestinationOutput = z.enum(REFUND_DESTINATIONS);

/** What people quote, `BB-10423`, on every order output. */
export const orderNumberOutput = z.string().meta({ description: "The store's short sequential order number, e.g. BB-10423: what people quote." });

export const placedOrderOutput = z
  .object({
    orderId: z.string(),
    orderNumber: orderNumberOutput,
    status: orderStatusOutput,
    paymentMethod: paymentMethodOutput,
    total: moneyOutput,
    placedAt: at("When the order was placed."),
    clientSecret: z.string().nullable().meta({ description: "Card orders: the secret the payment page confirms the payment with." }),
  })
  .meta({ id: "PlacedOrder" });

export const myOrdersOutput = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        number: orderNumberOutput,
        status: orderStatusOutput,
        paymentStatus: paymentStatusOutput,
        paymentMethod: paymentMethodOutput,
        total: moneyOutput,
        placedAt: at("When the order was placed."),
        itemCount: z.number().int(),
        firstItem: z.string().nullable(),
      }),
    ),
    nextCursor,
  })
  .meta({ id: "OrderPage" });

const shopperActor = z.object({ kind: z.literal("shopper"), userId: z.string() });
const systemActor = z.object({ kind: z.literal("system"), process: z.string() });

/** Who changed an order, as its shopper is shown: the shop's staff only as "admin", never which account or what it may do. */
const shopperHistoryActor = z.discriminatedUnion("kind", [shopperActor, z.object({ kind: z.literal("admin") }), systemActor]);

/** Who changed an order, as the console shows it: which staff account (what it may do is on the account, not in the timeline). */
export const adminHistoryActor = z.discriminatedUnion("kind", [shopperActor, z.object({ kind: z.literal("admin"), userId: z.string() }), systemActor]);

/** An order's timeline, with its actors shown through `actor`. */
export const orderHistory = <A extends typeof shopperHistoryActor | typeof adminHistoryActor>(actor: A) =>
  list(
    z.discriminatedUnion("kind", [
      z.object({
        kind: z.literal("status"),
        at: at("When it happened."),
        actor,
        event: z.enum(ORDER_STATUS_EVENTS),
        from: orderStatusOutput.nullable(),
        to: orderStatusOutput,
        note: z.string().nullable(),
      }),
      z.object({
        kind: z.literal("payment"),
        at: at("When it happened."),
        actor,
        event: z.enum(PAYMENT_EVENTS),
        amount: moneyOutput.nullable(),
        note: z.string().nullable(),
      }),
    ]),
  );

export const refundOutput = z
  .object({
    id: z.string(),
    amount: moneyOutput,
    destination: refundDestinationOutput,
    reason: z.string(),
    at: at("When the refund was issued."),
    status: z.enum(REFUND_STATUSES),
    settledAt: at("When the provider confirmed it.").nullable(),
  })
  .meta({ id: "Refund" });

export const returnOutput = z
  .object({
    id: z.string().meta({ description: "R1, R2, … within the order." }),
    status: z.enum(RETURN_STATUSES),
    reason: z.enum(RETURN_REASONS),
    note: z.string().nullable(),
    requestedAt: at("When the shopper asked."),
    lines: list(
      z.object({
        variantId: z.string(),
        quantity: z.number().int(),
        approved: z.boolean().nullable().meta({ description: "The admin's decision for this line; null until decided." }),
        amount: moneyOutput.nullable().meta({ description: "What these units paid (their share of the line's discounted total); set when approved." }),
        tax: moneyOutput.nullable().meta({ description: "The tax inside `amount`." }),
      }),
    ),
    delivery: moneyOutput.nullable().meta({ description: "Delivery given back with this return: only with the one that completes the order's return." }),
    amount: moneyOutput.nullable().meta({ description: "What is refunded: the lines' amounts plus delivery, or the admin's override." }),
    overrideReason: z.string().nullable(),
    destination: refundDestinationOutput.nullable(),
    refundId: z.string().nullable().meta({ description: "The refund issued when the units arrived back." }),
    restocked: z.boolean().nullable(),
  })
  .meta({ id: "Return" });

/** Units returned and refunds per line: the credit side of the order page, whose rows add up to `total`. */
export const returnsSummaryOutput = z
  .object({
    lines: list(
      z.object({
        variantId: z.string(),
        label: z.string(),
        ordered: z.number().int(),
        returned: z.number().int().meta({ description: "Units received back." }),
        pending: z.number().int().meta({ description: "Units in a return not yet received." }),
        refunded: moneyOutput,
      }),
    ),
    delivery: moneyOutput,
    adjustments: moneyOutput.meta({ description: "What admins' overrides added (or took off) beyond the computed amounts." }),
    total: moneyOutput.meta({ description: "Refunded for returns received: lines + delivery + adjustments." }),
  })
  .meta({ id: "ReturnsSummary" });

/** Units of each line that may still be asked back. */
export const returnableOutput = z.array(z.object({ variantId: z.string(), units: z.number().int() })).meta({ description: "Units of each line that may still be asked back." });

/** How a guest who ordered without an account is reached. */
export const guestContactOutput = z.object({ email: z.string(), phone: z.string() }).meta({ id: "GuestContact" });

/** Every field of an order, as both the shopper's and the admin's views return it. */
export const orderShape = {
  id: z.string(),
  number: orderNumberOutput,
  userId: z.string().nullable().meta({ description: "The owning account; null for a guest's order no account has claimed." }),
  guest: guestContactOutput.nullable().meta({ description: "The contact a guest ordered with (kept after a claim); null for an account's order." }),
  status: orderStatusOutput,
  address: addressOutput,
  buyer: z
    .object({ gstin: z.string(), businessName: z.string() })
    .nullable()
    .optional()
    .meta({ description: "A business purchase: the buyer's GSTIN and name, printed on the tax invoice. Absent for a consumer." }),
  payment: z.object({
    method: paymentMethodOutput,
    status: paymentStatusOutput,
    amountDue: moneyOutput,
    authorized: moneyOutput,
    captured: moneyOutput,
    refunded: moneyOutput,
    providerIntentId: z.string().nullable(),
    captureRefs: list(z.string()),
    failedAttempts: list(z.object({ at: at("When the attempt failed."), reason: z.string(), providerRef: z.string().nullable() })),
    refunds: list(refundOutput),
  }),
  tracking: z.object({ carrier: z.string(), trackingNumber: z.string() }).nullable(),
  returns: list(returnOutput),
  cancelReason: z.string().nullable(),
  idempotencyKey: z.string(),
  placedAt: at("When the order was placed."),
  expiresAt: at("When an unpaid order lapses.").nullable(),
  deliveredAt: at("When the order was delivered.").nullable(),
  version: z.number().int(),
  ...totalsShape,
  receipt: receiptOutput,
  returned: returnsSummaryOutput,
};

export const orderOutput = z
  .object({
    ...orderShape,
    history: orderHistory(shopperHistoryActor),
    actions: z.array(orderEventOutput).meta({ description: "What the shopper may do to this order now." }),
    returnable: returnableOutput,
  })
  .meta({ id: "Order" });

export const paymentSessionOutput = z.object({ clientSecret: z.string() });

/** What approving some lines of the return awaiting a decision refunds, computed by core. */
export const returnQuoteOutput = z
  .object({
    lines: list(z.object({ variantId: z.string(), quantity: z.number().int(), amount: moneyOutput, tax: moneyOutput })),
    delivery: moneyOutput,
    total: moneyOutput,
  })
  .meta({ id: "ReturnQuote" });

/** A guest's checkout answers like an account's, plus the token of the order's signed link (ADR 142). */
export const guestPlacedOrderOutput = placedOrderOutput
  .extend({ token: z.string().meta({ description: "Opens the order at GET /api/v1/order-links/{token} (and the shop's order page) without an account." }) })
  .meta({ id: "GuestPlacedOrder" });

/** What a guest (or anyone holding the order's link or its number and contact) sees of an order. */
export const guestOrderOutput = z
  .object({
    id: z.string(),
    number: orderNumberOutput,
    status: orderStatusOutput,
    placedAt: at("When the order was placed."),
    paymentMethod: paymentMethodOutput,
    paymentStatus: paymentStatusOutput,
    canPay: z.boolean().meta({ description: "A card order still awaiting payment: POST /api/v1/order-links/{token}/payment starts paying again." }),
    receipt: receiptOutput,
    address: addressOutput,
    tracking: z.object({ carrier: z.string(), trackingNumber: z.string() }).nullable(),
    token: z.string().meta({ description: "The order's signed link token, fresh for this answer." }),
  })
  .meta({ id: "GuestOrder" });
