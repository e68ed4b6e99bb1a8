import { ORDER_STATUSES, type Order, type OrderRepository, type OrderStatus } from "@bbscart/core";
import { translateDuplicateKey } from "../errors.js";
import { orderUniqueIndexes, type OrderDoc } from "../models/orders.js";
import type { UserDoc } from "../models/users.js";
import type { RepoContext } from "./context.js";
import { escapeRegex, findPage, fromDoc, toDoc } from "./mapping.js";

const toOrder = (doc: OrderDoc): Order => fromDoc<Order>(doc);
const newestFirst = { field: "placedAt", direction: -1 } as const;

export function orderRepository({ models: { orders, products, users }, session }: RepoContext): OrderRepository {
  return {
    async create(order) {
      await translateDuplicateKey(orderUniqueIndexes, () => orders.insertMany([toDoc(order)], { session }));
    },
    async findById(id) {
      const doc = await orders.findById(id, null, { session }).lean<OrderDoc>();
      return doc && toOrder(doc);
    },
    async save(order, expectedVersion) {
      // Compare-and-set on the version loaded: a concurrent decision already saved means no match.
      const { _id, ...fields } = toDoc(order);
      const result = await orders.replaceOne({ _id, version: expectedVersion }, fields, { session });
      return result.matchedCount === 1;
    },
    async findByPaymentIntent(intentId) {
      const doc = await orders.findOne({ "payment.providerIntentId": intentId }, null, { session }).lean<OrderDoc>();
      return doc && toOrder(doc);
    },
    listForUser(userId, page) {
      return findPage(orders, session, { filter: { userId }, sort: newestFirst, page }, toOrder);
    },
    async list({ status, paymentStatus, paymentMethod, userId, placedFrom, placedTo, search, ...page }) {
      const filter: Record<string, unknown> = {};
      if (status) filter.status = status;
      if (paymentStatus) filter["payment.status"] = paymentStatus;
      if (paymentMethod) filter["payment.method"] = paymentMethod;
      if (userId !== null) filter.userId = userId;
      if (placedFrom !== null || placedTo !== null) {
        filter.placedAt = { ...(placedFrom !== null && { $gte: placedFrom }), ...(placedTo !== null && { $lt: placedTo }) };
      }
      const term = search?.trim();
      if (term) {
        const customer = await users.findOne({ email: term.toLowerCase() }, { _id: 1 }, { session }).lean<Pick<UserDoc, "_id">>();
        filter.$or = [{ _id: { $regex: `^${escapeRegex(term)}` } }, ...(customer ? [{ userId: customer._id }] : [])];
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
    async salesByDay({ from, to, timeZone }) {
      const days = await orders
        .aggregate<{ _id: { day: string; currency: string }; orders: number; minor: number }>([
          { $match: { placedAt: { $gte: from, $lt: to }, status: { $ne: "cancelled" } } },
          // Grouped by currency too: two currencies' money is never summed into one figure.
          {
            $group: {
              _id: { day: { $dateToString: { date: "$placedAt", format: "%Y-%m-%d", timezone: timeZone } }, currency: "$currency" },
              orders: { $sum: 1 },
              minor: { $sum: "$total.minor" },
            },
          },
          { $sort: { "_id.day": 1, "_id.currency": 1 } },
        ])
        .session(session ?? null);
      return days.map(({ _id, orders, minor }) => ({ day: _id.day, orders, total: { minor, currency: _id.currency } }));
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
