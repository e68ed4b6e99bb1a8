import type { Connection } from "mongoose";
import { ORDER_NUMBER_PREFIX, ORDER_STATUSES, orderNumber, type Order, type OrderRepository, type OrderReturn, type OrderStatus, type ReturnStatus } from "@bbscart/core";
import { translateDuplicateKey } from "../errors.js";
import type { Models } from "../models/index.js";
import { COUNTERS_COLLECTION, orderUniqueIndexes, type OrderDoc } from "../models/orders.js";
import type { UserDoc } from "../models/users.js";
import { foldCustomerOrders } from "../../customer-orders.js";
import { maintainRollups } from "../rollups.js";
import { repoContext, transactionOptions, type RepoContext } from "./context.js";
import { escapeRegex, findPage, fromDoc, toDoc } from "./mapping.js";

/** Orders stored before guest checkout (ADR 141) have no guest and counted a coupon for the bare account id. */
function toOrder(doc: OrderDoc): Order {
  const order = fromDoc<Order>(doc);
  const couponHolders = order.couponHolders ?? (order.couponCode !== null && order.userId !== null ? [order.userId] : []);
  return { ...order, guest: order.guest ?? null, couponHolders };
}
const newestFirst = { field: "placedAt", direction: -1 } as const;

export function orderRepository({ models, session, atomically }: RepoContext): OrderRepository {
  const { orders, products, users } = models;
  return {
    // The order and its rollup buckets in one transaction (ADR 131).
    async create(order) {
      await atomically(async (tx) => {
        await translateDuplicateKey(orderUniqueIndexes, () => orders.insertMany([toDoc(order)], { session: tx }));
        await maintainRollups(models, tx, null, order);
      });
    },
    async findById(id) {
      const doc = await orders.findById(id, null, { session }).lean<OrderDoc>();
      return doc && toOrder(doc);
    },
    async save(order, expectedVersion) {
      // Compare-and-set on the version loaded: a concurrent decision already saved means no match.
      // The stored document, read in the same transaction, is what the rollups held of the order.
      const { _id, ...fields } = toDoc(order);
      return atomically(async (tx) => {
        const before = await orders.findOne({ _id, version: expectedVersion }, null, { session: tx }).lean<OrderDoc>();
        if (!before || (await orders.replaceOne({ _id, version: expectedVersion }, fields, { session: tx })).matchedCount !== 1) return false;
        await maintainRollups(models, tx, toOrder(before), order);
        return true;
      });
    },
    async nextNumber() {
      // One document per sequence; `$inc` in the caller's transaction, so a rolled-back placement gives its number back.
      const counters = orders.db.collection<{ _id: string; value: number }>(COUNTERS_COLLECTION);
      await counters.updateOne({ _id: "order_number" }, { $inc: { value: 1 } }, { upsert: true, session });
      const counter = await counters.findOne({ _id: "order_number" }, { session });
      if (!counter) throw new Error("the order-number counter is missing right after its upsert");
      return counter.value;
    },
    async findByPaymentIntent(intentId) {
      const doc = await orders.findOne({ "payment.providerIntentId": intentId }, null, { session }).lean<OrderDoc>();
      return doc && toOrder(doc);
    },
    async findByNumber(number) {
      const doc = await orders.findOne({ number }, null, { session }).lean<OrderDoc>();
      return doc && toOrder(doc);
    },
    async findUnclaimedGuestOrders(email) {
      const docs = await orders.find({ "guest.email": email, userId: null }, null, { session }).sort({ placedAt: 1, _id: 1 }).lean<OrderDoc[]>();
      return docs.map(toOrder);
    },
    listForUser(userId, page) {
      return findPage(orders, session, { filter: { userId }, sort: newestFirst, page }, toOrder);
    },
    async list({ status, statuses, paymentStatus, paymentMethod, userId, placedFrom, placedTo, search, ...page }) {
      const filter: Record<string, unknown> = {};
      if (status && statuses) filter.$and = [{ status }, { status: { $in: [...statuses] } }];
      else if (status) filter.status = status;
      else if (statuses) filter.status = { $in: [...statuses] };
      if (paymentStatus) filter["payment.status"] = paymentStatus;
      if (paymentMethod) filter["payment.method"] = paymentMethod;
      if (userId !== null) filter.userId = userId;
      if (placedFrom !== null || placedTo !== null) {
        filter.placedAt = { ...(placedFrom !== null && { $gte: placedFrom }), ...(placedTo !== null && { $lt: placedTo }) };
      }
      const term = search?.trim();
      if (term) {
        // Number (with or without its prefix), id prefix, the customer's email, or a phone by the digits it ends with.
        const digits = term.replace(/[\s()+-]/g, "");
        const phone = /^\d{6,15}$/.test(digits) ? { $regex: `${digits}$` } : null;
        const customers = await users
          .find({ $or: [{ email: term.toLowerCase() }, ...(phone ? [{ phone }] : [])] }, { _id: 1 }, { session })
          .limit(50)
          .lean<Array<Pick<UserDoc, "_id">>>();
        filter.$or = [
          { number: /^\d+$/.test(term) ? `${ORDER_NUMBER_PREFIX}${term}` : term.toUpperCase() },
          { _id: { $regex: `^${escapeRegex(term)}` } },
          ...(phone ? [{ "address.phone": phone }] : []),
          ...(customers.length > 0 ? [{ userId: { $in: customers.map((customer) => customer._id) } }] : []),
        ];
      }
      return findPage(orders, session, { filter, sort: newestFirst, page }, toOrder);
    },
    async findExpired(now, limit) {
      const docs = await orders
        .find({ status: "pending_payment", expiresAt: { $lte: now } }, null, { session })
        .sort({ expiresAt: 1, _id: 1 })
        .limit(limit)
        .lean<OrderDoc[]>();
      return docs.map(toOrder);
    },
    async findAwaitingPayment(placedBefore, limit) {
      const docs = await orders
        .find({ status: "pending_payment", "payment.method": "card", "payment.providerIntentId": { $ne: null }, placedAt: { $lt: placedBefore } }, null, { session })
        .sort({ placedAt: 1, _id: 1 })
        .limit(limit)
        .lean<OrderDoc[]>();
      return docs.map(toOrder);
    },
    async findWithPendingRefunds(requestedBefore, limit) {
      const docs = await orders
        // The top-level equality is what the partial `refund_pending` index's filter names; the planner
        // cannot see through `$elemMatch` to it, so without it every order is scanned.
        .find({ "payment.refunds.status": "pending", "payment.refunds": { $elemMatch: { status: "pending", at: { $lt: requestedBefore } } } }, null, { session })
        .sort({ placedAt: 1, _id: 1 })
        .limit(limit)
        .lean<OrderDoc[]>();
      return docs.map(toOrder);
    },
    async countByStatus() {
      // One count per status, each a count over the `status_placed_desc` index's keys: a `$group`
      // over the collection would read every order on every dashboard load.
      // One after another: operations of one transaction's session must not run in parallel.
      const counts = {} as Record<OrderStatus, number>;
      for (const status of ORDER_STATUSES) counts[status] = await orders.countDocuments({ status }, { session });
      return counts;
    },
    async salesFigures({ from, to, timeZone }) {
      // Paid orders only (captured > 0), grouped by the store's day and by currency, never mixing two currencies.
      const rows = await orders
        .aggregate<{ _id: { day: string; currency: string }; orders: number; gross: number; refunds: number }>([
          { $match: { placedAt: { $gte: from, $lt: to }, "payment.captured.minor": { $gt: 0 } } },
          {
            $group: {
              _id: { day: { $dateToString: { date: "$placedAt", format: "%Y-%m-%d", timezone: timeZone } }, currency: "$currency" },
              orders: { $sum: 1 },
              gross: { $sum: "$payment.captured.minor" },
              refunds: { $sum: "$payment.refunded.minor" },
            },
          },
          { $sort: { "_id.day": 1, "_id.currency": 1 } },
        ])
        .session(session ?? null);
      return rows.map((row) => ({
        day: row._id.day,
        currency: row._id.currency,
        orders: row.orders,
        gross: { minor: row.gross, currency: row._id.currency },
        refunds: { minor: row.refunds, currency: row._id.currency },
      }));
    },
    async couponSales(codes) {
      if (codes.length === 0) return [];
      const rows = await orders
        .aggregate<{ _id: { code: string; currency: string }; orders: number; gross: number; refunds: number }>([
          // Through `coupon_code`; paid orders only (captured > 0), as the dashboard counts them.
          { $match: { couponCode: { $in: [...codes] }, "payment.captured.minor": { $gt: 0 } } },
          { $group: { _id: { code: "$couponCode", currency: "$currency" }, orders: { $sum: 1 }, gross: { $sum: "$payment.captured.minor" }, refunds: { $sum: "$payment.refunded.minor" } } },
          { $sort: { "_id.code": 1, "_id.currency": 1 } },
        ])
        .session(session ?? null);
      return rows.map((row) => ({
        code: row._id.code,
        currency: row._id.currency,
        orders: row.orders,
        gross: { minor: row.gross, currency: row._id.currency },
        refunds: { minor: row.refunds, currency: row._id.currency },
      }));
    },
    async customerOrders(userIds) {
      if (userIds.length === 0) return [];
      const paid = { $gt: ["$payment.captured.minor", 0] };
      const rows = await orders
        .aggregate<{ _id: { userId: string; currency: string }; orders: number; lastOrderAt: Date; spent: number; paid: number }>([
          // Through `user_placed_desc`: each customer's own orders only.
          { $match: { userId: { $in: [...userIds] } } },
          {
            $group: {
              _id: { userId: "$userId", currency: "$currency" },
              orders: { $sum: 1 },
              lastOrderAt: { $max: "$placedAt" },
              spent: { $sum: { $cond: [paid, { $subtract: ["$payment.captured.minor", "$payment.refunded.minor"] }, 0] } },
              paid: { $sum: { $cond: [paid, 1, 0] } },
            },
          },
          { $sort: { "_id.userId": 1, "_id.currency": 1 } },
        ])
        .session(session ?? null);
      return foldCustomerOrders(rows.map((row) => ({ userId: row._id.userId, currency: row._id.currency, orders: row.orders, lastOrderAt: row.lastOrderAt, spentMinor: row.spent, paid: row.paid })));
    },
    async topProducts({ from, to, currency, limit }) {
      // The period's orders through `placed_desc`; the best sellers are then named from the catalog by `_id`.
      const best = await orders
        .aggregate<{ _id: string; name: string; quantity: number; minor: number }>([
          { $match: { placedAt: { $gte: from, $lt: to }, status: { $ne: "cancelled" }, currency } },
          { $unwind: "$lines" },
          { $group: { _id: "$lines.productId", quantity: { $sum: "$lines.quantity" }, minor: { $sum: "$lines.total.minor" } } },
          { $sort: { quantity: -1, minor: -1, _id: 1 } },
          { $limit: limit },
          { $lookup: { from: products.collection.collectionName, localField: "_id", foreignField: "_id", as: "product" } },
          { $unwind: "$product" },
          { $project: { name: "$product.name", quantity: 1, minor: 1 } },
        ])
        .session(session ?? null);
      return best.map((row) => ({ productId: row._id, name: row.name, quantity: row.quantity, revenue: { minor: row.minor, currency } }));
    },
  };
}

/** Another process numbered the order first: this attempt's transaction aborts, giving its number back. */
class AlreadyNumbered extends Error {}

/**
 * Gives orders stored before order numbers existed (ADR 091) their numbers, oldest placement first,
 * from the same counter checkout uses: each in its own transaction that bumps the counter and sets
 * the number only where none is set yet, so two processes opening at once never number an order
 * twice and the loser gives its number back. Orders placed since numbers existed already hold the
 * first numbers, so older ones continue after them (SQLite's migration 007 could number old rows
 * first because no new ones existed yet). Runs at open; on a numbered database it reads nothing.
 */
export async function numberOldOrders(connection: Connection, models: Models): Promise<number> {
  const { orders } = models;
  const missing = await orders.find({ number: { $exists: false } }, { _id: 1 }).sort({ placedAt: 1, _id: 1 }).lean<Array<Pick<OrderDoc, "_id">>>();
  let numbered = 0;
  for (const { _id } of missing) {
    try {
      await connection.transaction(async (session) => {
        const sequence = await orderRepository(repoContext(models, connection, session)).nextNumber();
        const { matchedCount } = await orders.updateOne({ _id, number: { $exists: false } }, { $set: { number: orderNumber(sequence) } }, { session });
        if (matchedCount === 0) throw new AlreadyNumbered();
      }, transactionOptions);
      numbered += 1;
    } catch (error) {
      if (!(error instanceof AlreadyNumbered)) throw error;
    }
  }
  return numbered;
}

/** What an order in a return status stored before returns by line (ADR 094) still says about its return. */
type LegacyOrderDoc = Pick<OrderDoc, "_id" | "status" | "lines" | "history"> & { returnReason?: string | null; restocked?: boolean | null };

const legacyStages: Partial<Record<OrderStatus, ReturnStatus>> = {
  return_requested: "requested",
  return_approved: "approved",
  return_rejected: "rejected",
  return_received: "received",
};

/**
 * The returns of an order stored before returns by line: none, or — in a return status — one
 * return of every unit of every line in the stage its status says, its reason kept as free text,
 * with no computed amount (it was refunded by hand then). SQLite's migration 008 does the same.
 */
function legacyReturns(doc: LegacyOrderDoc): OrderReturn[] {
  const stage = legacyStages[doc.status];
  if (!stage) return [];
  const asked = doc.history.findLast((entry) => entry.kind === "status" && entry.event === "request_return");
  return [
    {
      id: "R1",
      status: stage,
      reason: "other",
      note: doc.returnReason ?? null,
      requestedAt: asked?.at ?? new Date(0),
      lines: doc.lines.map((line) => ({
        variantId: line.variantId,
        quantity: line.quantity,
        approved: stage === "requested" ? null : stage !== "rejected",
        amount: null,
        tax: null,
      })),
      delivery: null,
      amount: null,
      overrideReason: null,
      destination: null,
      refundId: null,
      restocked: doc.restocked ?? null,
    },
  ];
}

/**
 * Gives orders stored before returns by line their `returns` (and drops the whole-order fields they
 * replace). Runs at open; each update matches only an order still without `returns`, so two
 * processes opening at once write the same thing once. On an upgraded database it reads nothing.
 */
export async function upgradeLegacyReturns({ orders }: Models): Promise<number> {
  const legacy = await orders.find({ returns: { $exists: false } }, { status: 1, lines: 1, history: 1, returnReason: 1, restocked: 1 }).lean<LegacyOrderDoc[]>();
  if (legacy.length === 0) return 0;
  // Through the driver: the fields being removed are no longer in the schema, which refuses to name them.
  await orders.db.collection<{ _id: string }>(orders.collection.collectionName).bulkWrite(
    legacy.map((doc) => ({
      updateOne: { filter: { _id: doc._id, returns: { $exists: false } }, update: { $set: { returns: legacyReturns(doc) }, $unset: { returnReason: 1, restocked: 1 } } },
    })),
  );
  return legacy.length;
}
