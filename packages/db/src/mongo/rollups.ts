import type { ClientSession } from "mongoose";
import type { Order, RollupChange, SalesRollupPort } from "@bbscart/core";
import { rebuildRollups } from "../rollups.js";
import { orderRollupDelta, ordersRollup } from "../rollup-day.js";
import { ROLLUP_STATE_ID, type RollupDayDoc } from "./models/rollups.js";
import type { Models } from "./models/index.js";
import { fromDoc } from "./repositories/mapping.js";
import type { OrderDoc } from "./models/orders.js";
import { transactionOptions } from "./repositories/context.js";
import type { Connection } from "mongoose";

/** Buckets per day (and per product and day): two checkouts of one day conflict only when they draw the same one (ADR 082). */
const BUCKETS = 16;
const bucket = () => Math.floor(Math.random() * BUCKETS);

/** Adds `change` to one random bucket of each row it touches, in `session`'s transaction. */
async function addRollup(models: Models, change: RollupChange, session: ClientSession | undefined, pick: () => number = bucket): Promise<void> {
  // One after another: operations of one transaction's session must not run in parallel.
  for (const row of change.days) {
    await models.rollupDays.updateOne(
      { _id: `${row.day}|${row.currency}#${pick()}` },
      { $inc: { orders: row.orders, gross: row.gross, refunds: row.refunds, units: row.units }, $setOnInsert: { day: row.day, currency: row.currency } },
      { upsert: true, session },
    );
  }
  for (const row of change.products) {
    await models.rollupProducts.updateOne(
      { _id: `${row.day}|${row.currency}|${row.productId}#${pick()}` },
      { $inc: { units: row.units, revenue: row.revenue }, $setOnInsert: { day: row.day, currency: row.currency, productId: row.productId } },
      { upsert: true, session },
    );
  }
}

/**
 * Called by the orders repository in the order write's transaction: adds what writing `after`
 * over `before` changes. Reads the state document (never written on the checkout path, so it
 * adds no write conflict) and `$inc`s random buckets, never one hot document.
 */
export async function maintainRollups(models: Models, session: ClientSession, before: Order | null, after: Order): Promise<void> {
  const state = await models.rollupState.findById(ROLLUP_STATE_ID, { timeZone: 1 }, { session }).lean<{ timeZone: string }>();
  if (state) await addRollup(models, orderRollupDelta(state.timeZone, before, after), session);
}

export function mongoRollups(connection: Connection, models: Models): SalesRollupPort {
  const { rollupState, rollupDays, rollupProducts, orders, products } = models;
  return {
    async state() {
      const doc = await rollupState.findById(ROLLUP_STATE_ID).lean<{ timeZone: string; complete: boolean }>();
      return doc && { timeZone: doc.timeZone, complete: doc.complete };
    },
    async salesFigures({ fromDay, toDay }) {
      // At most 16 buckets per day and currency through `day_currency`: summed here, O(days).
      const buckets = await rollupDays.find({ day: { $gte: fromDay, $lt: toDay } }).sort({ day: 1, currency: 1 }).lean<RollupDayDoc[]>();
      const days = new Map<string, { day: string; currency: string; orders: number; gross: number; refunds: number }>();
      for (const b of buckets) {
        const seen = days.get(`${b.day}|${b.currency}`) ?? { day: b.day, currency: b.currency, orders: 0, gross: 0, refunds: 0 };
        days.set(`${b.day}|${b.currency}`, { ...seen, orders: seen.orders + b.orders, gross: seen.gross + b.gross, refunds: seen.refunds + b.refunds });
      }
      return [...days.values()]
        .filter((row) => row.orders > 0)
        .map((row) => ({ day: row.day, currency: row.currency, orders: row.orders, gross: { minor: row.gross, currency: row.currency }, refunds: { minor: row.refunds, currency: row.currency } }));
    },
    async topProducts({ fromDay, toDay, currency, limit }) {
      const best = await rollupProducts.aggregate<{ _id: string; name: string; quantity: number; minor: number }>([
        { $match: { currency, day: { $gte: fromDay, $lt: toDay } } },
        { $group: { _id: "$productId", quantity: { $sum: "$units" }, minor: { $sum: "$revenue" } } },
        { $match: { quantity: { $gt: 0 } } },
        { $sort: { quantity: -1, minor: -1, _id: 1 } },
        { $limit: limit },
        { $lookup: { from: products.collection.collectionName, localField: "_id", foreignField: "_id", as: "product" } },
        { $unwind: "$product" },
        { $project: { name: "$product.name", quantity: 1, minor: 1 } },
      ]);
      return best.map((row) => ({ productId: row._id, name: row.name, quantity: row.quantity, revenue: { minor: row.minor, currency } }));
    },
    rebuild: (timeZone, { daysPerBatch }) =>
      rebuildRollups(
        {
          begin: (zone, generation) =>
            connection.transaction(async (session) => {
              await rollupState.replaceOne({ _id: ROLLUP_STATE_ID }, { timeZone: zone, complete: false, generation }, { upsert: true, session });
              await rollupDays.deleteMany({}, { session });
              await rollupProducts.deleteMany({}, { session });
            }, transactionOptions),
          async nextPlacedAt(from) {
            const doc = await orders
              .findOne(from === null ? {} : { placedAt: { $gte: from } }, { placedAt: 1 })
              .sort({ placedAt: 1 })
              .lean<Pick<OrderDoc, "placedAt">>();
            return doc?.placedAt ?? null;
          },
          recompute: ({ fromDay, toDay, from, to }, zone) =>
            connection.transaction(async (session) => {
              await rollupDays.deleteMany({ day: { $gte: fromDay, $lt: toDay } }, { session });
              await rollupProducts.deleteMany({ day: { $gte: fromDay, $lt: toDay } }, { session });
              const docs = await orders.find({ placedAt: { $gte: from, $lt: to } }, null, { session }).lean<OrderDoc[]>();
              // A recount writes each row once, whole, into bucket 0.
              await addRollup(models, ordersRollup(zone, docs.map((doc) => fromDoc<Order>(doc))), session, () => 0);
              return docs.length;
            }, transactionOptions),
          async finish(generation) {
            await rollupState.updateOne({ _id: ROLLUP_STATE_ID, generation }, { $set: { complete: true } });
          },
        },
        timeZone,
        daysPerBatch,
      ),
  };
}
