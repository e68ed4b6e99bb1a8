import { Schema } from "mongoose";
import {
  ACTOR_KINDS,
  HISTORY_KINDS,
  ORDER_STATUSES,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  REFUND_DESTINATIONS,
  REFUND_STATUSES,
  RETURN_REASONS,
  RETURN_STATUSES,
  type Order,
} from "@bbscart/core";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions, moneySchema, nullable, stringId } from "./shared.js";

/**
 * An order is one document: lines, payment and history are read and written with it, and the
 * compare-and-set on `version` makes each save atomic. Union members (actors, history entries)
 * store only their own fields — nothing defaults — so a stored entry reads back as it was written.
 */
export type OrderDoc = Omit<Order, "id"> & { _id: string };

const subdocument = { _id: false, strict: "throw" } as const;

const addressSchema = new Schema(
  {
    id: { type: String, required: true },
    label: nullable(String),
    name: { type: String, required: true },
    phone: { type: String, required: true },
    line1: { type: String, required: true },
    line2: nullable(String),
    city: { type: String, required: true },
    state: { type: String, required: true },
    postalCode: { type: String, required: true },
    country: { type: String, required: true },
  },
  subdocument,
);

const lineSchema = new Schema(
  {
    variantId: { type: String, required: true },
    productId: { type: String, required: true },
    sku: { type: String, required: true },
    name: { type: String, required: true },
    quantity: { type: Number, required: true },
    unitPrice: { type: moneySchema, required: true },
    taxRateBp: { type: Number, required: true },
    subtotal: { type: moneySchema, required: true },
    discount: { type: moneySchema, required: true },
    total: { type: moneySchema, required: true },
    tax: { type: moneySchema, required: true },
  },
  subdocument,
);

const paymentSchema = new Schema(
  {
    method: { type: String, required: true, enum: PAYMENT_METHODS },
    status: { type: String, required: true, enum: PAYMENT_STATUSES },
    amountDue: { type: moneySchema, required: true },
    authorized: { type: moneySchema, required: true },
    captured: { type: moneySchema, required: true },
    refunded: { type: moneySchema, required: true },
    providerIntentId: nullable(String),
    captureRefs: { type: [String], default: [] },
    failedAttempts: {
      type: [new Schema({ at: { type: Date, required: true }, reason: { type: String, required: true }, providerRef: nullable(String) }, subdocument)],
      default: [],
    },
    refunds: {
      type: [
        new Schema(
          {
            id: { type: String, required: true },
            amount: { type: moneySchema, required: true },
            destination: { type: String, required: true, enum: REFUND_DESTINATIONS },
            reason: { type: String, required: true },
            at: { type: Date, required: true },
            status: { type: String, required: true, enum: REFUND_STATUSES },
            settledAt: nullable(Date),
          },
          subdocument,
        ),
      ],
      default: [],
    },
  },
  subdocument,
);

/** `OrderReturn`: a return by line, with the admin's decision per line and the amounts core computed. */
const returnSchema = new Schema(
  {
    id: { type: String, required: true },
    status: { type: String, required: true, enum: RETURN_STATUSES },
    reason: { type: String, required: true, enum: RETURN_REASONS },
    note: nullable(String),
    requestedAt: { type: Date, required: true },
    lines: {
      type: [
        new Schema(
          {
            variantId: { type: String, required: true },
            quantity: { type: Number, required: true },
            approved: nullable(Boolean),
            amount: nullable(moneySchema),
            tax: nullable(moneySchema),
          },
          subdocument,
        ),
      ],
      required: true,
    },
    delivery: nullable(moneySchema),
    amount: nullable(moneySchema),
    overrideReason: nullable(String),
    destination: { type: String, enum: [...REFUND_DESTINATIONS, null], default: null },
    refundId: nullable(String),
    restocked: nullable(Boolean),
  },
  subdocument,
);

/** `Actor`: `userId` and `permissions` for people, `process` for the system. */
const actorSchema = new Schema(
  {
    kind: { type: String, required: true, enum: ACTOR_KINDS },
    userId: String,
    permissions: { type: [String], default: undefined },
    process: String,
  },
  subdocument,
);

/** `HistoryEntry`: status entries carry from/to, payment entries an amount. */
const historySchema = new Schema(
  {
    kind: { type: String, required: true, enum: HISTORY_KINDS },
    at: { type: Date, required: true },
    actor: { type: actorSchema, required: true },
    event: { type: String, required: true },
    from: String,
    to: String,
    amount: moneySchema,
    note: String,
  },
  subdocument,
);

export const orderSchema = new Schema<OrderDoc>(
  {
    _id: stringId,
    number: { type: String, required: true },
    // Null for a guest's order until an account claims it (ADR 141).
    userId: nullable(String),
    guest: nullable(new Schema({ email: { type: String, required: true }, phone: { type: String, required: true } }, subdocument)),
    // Absent on orders stored before guest checkout: read as the bare account id (see the repository).
    couponHolders: { type: [String], default: undefined },
    status: { type: String, required: true, enum: ORDER_STATUSES },
    currency: { type: String, required: true },
    lines: { type: [lineSchema], required: true },
    subtotal: { type: moneySchema, required: true },
    discount: { type: moneySchema, required: true },
    deliveryFee: { type: moneySchema, required: true },
    tax: { type: moneySchema, required: true },
    total: { type: moneySchema, required: true },
    couponCode: nullable(String),
    deliveryOptionId: { type: String, required: true },
    address: { type: addressSchema, required: true },
    // No default: a consumer order stores no buyer and reads back without one.
    buyer: { type: new Schema({ gstin: { type: String, required: true }, businessName: { type: String, required: true } }, subdocument) },
    payment: { type: paymentSchema, required: true },
    tracking: nullable(new Schema({ carrier: { type: String, required: true }, trackingNumber: { type: String, required: true } }, subdocument)),
    returns: { type: [returnSchema], default: [] },
    cancelReason: nullable(String),
    idempotencyKey: { type: String, required: true },
    placedAt: { type: Date, required: true },
    expiresAt: nullable(Date),
    deliveredAt: nullable(Date),
    history: { type: [historySchema], default: [] },
    version: { type: Number, required: true },
  },
  collectionOptions("orders"),
);
// Listings, newest first, with `_id` as the cursor tie-breaker.
orderSchema.index({ placedAt: -1, _id: -1 }, { name: "placed_desc" });
orderSchema.index({ userId: 1, placedAt: -1, _id: -1 }, { name: "user_placed_desc" });
// `findUnclaimedGuestOrders`: a registering account's guest orders by email.
orderSchema.index({ "guest.email": 1, placedAt: 1, _id: 1 }, { name: "guest_email_placed", partialFilterExpression: { "guest.email": { $gt: "" } } });
orderSchema.index({ status: 1, placedAt: -1, _id: -1 }, { name: "status_placed_desc" });
orderSchema.index({ "payment.status": 1, placedAt: -1, _id: -1 }, { name: "payment_status_placed_desc" });
orderSchema.index({ "payment.method": 1, placedAt: -1, _id: -1 }, { name: "payment_method_placed_desc" });
// Partial on a range, not `$type`: only a range lets the planner use it for `{ intentId: "pi_1" }` (ADR 080).
orderSchema.index({ "payment.providerIntentId": 1 }, { name: "payment_intent_set", partialFilterExpression: { "payment.providerIntentId": { $gt: "" } } });
// `findExpired`: pending orders by expiry.
orderSchema.index({ status: 1, expiresAt: 1, _id: 1 }, { name: "status_expires" });
// `findAwaitingPayment`: pending card orders by placement time.
orderSchema.index({ status: 1, "payment.method": 1, placedAt: 1, _id: 1 }, { name: "status_method_placed" });
// `findWithPendingRefunds`: orders holding a card refund still pending (few at any time, hence partial).
orderSchema.index(
  { "payment.refunds.status": 1, "payment.refunds.at": 1 },
  { name: "refund_pending", partialFilterExpression: { "payment.refunds.status": "pending" } },
);

// The human order number: unique. Partial, so orders stored before numbers existed do not collide as nulls until open numbers them.
orderSchema.index({ number: 1 }, { name: "number", unique: true, partialFilterExpression: { number: { $type: "string" } } });
// The admin's search by the delivery phone.
orderSchema.index({ "address.phone": 1 }, { name: "address_phone" });
// The coupons page's redemptions and revenue per coupon; only orders that used a coupon are indexed.
orderSchema.index({ couponCode: 1 }, { name: "coupon_code", partialFilterExpression: { couponCode: { $type: "string" } } });

/** The order id is the `_id`; the number is unique too. */
export const orderUniqueIndexes: UniqueIndexNames = { _id_: "orders.id", number: "orders.number" };

/** The counters collection: `{ _id: "order_number", value }`, bumped by `$inc` inside the placing transaction. */
export const COUNTERS_COLLECTION = "counters";
