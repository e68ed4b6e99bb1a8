import type { ClientSession } from "mongoose";
import type { CatalogVersion, StockLevel } from "@bbscart/core";
import type { Models } from "../models/index.js";
import { COUNTERS_COLLECTION } from "../models/orders.js";
import type { VariantDoc } from "../models/variants.js";

/** The counter every catalog write moves (decision 105): `{ _id: "catalog_content", value }` in the counters collection. */
export const CATALOG_CONTENT_COUNTER = "catalog_content";

const counters = (models: Pick<Models, "products">) => models.products.db.collection<{ _id: string; value: number }>(COUNTERS_COLLECTION);

/**
 * Moves the catalog's version inside the caller's transaction, so a reader that sees the new version
 * also sees the write. Only catalog writes (products, variants' content, categories, settings) call
 * it: a checkout never touches this document, so it adds no write, and no hot document, to an order.
 */
export async function bumpCatalogVersion(models: Pick<Models, "products">, session: ClientSession | undefined): Promise<void> {
  await counters(models).updateOne({ _id: CATALOG_CONTENT_COUNTER }, { $inc: { value: 1 } }, { upsert: true, session });
}

/** The counter as committed now; 0 before the first catalog write. */
export async function readCatalogVersion(models: Pick<Models, "products">): Promise<number> {
  return (await counters(models).findOne({ _id: CATALOG_CONTENT_COUNTER }))?.value ?? 0;
}

/**
 * The catalog version a MongoDB handle offers (decision 105). `current()` answers from memory and,
 * once the value is `refreshMs` old, starts one read of the counter in the background: a catalog
 * write reaches every process's readers within `refreshMs` plus one read's round trip, and a cache
 * hit never waits on the database for it. A failed read keeps the last value and is tried again on
 * the next call. Availability is not in the counter (orders would have to write it), so `stockOf`
 * reads the variants' stock for the cache to check, by `_id`, in one query.
 */
export async function mongoCatalogVersion(models: Pick<Models, "products" | "variants">, refreshMs: number, now: () => number = Date.now): Promise<CatalogVersion> {
  let value = await readCatalogVersion(models);
  let readAt = now();
  let reading = false;
  const refresh = () => {
    reading = true;
    const startedAt = now();
    readCatalogVersion(models)
      .then((latest) => {
        value = Math.max(value, latest);
        readAt = startedAt;
      })
      .catch(() => undefined)
      .finally(() => {
        reading = false;
      });
  };
  return {
    current() {
      if (!reading && now() - readAt >= refreshMs) refresh();
      return value;
    },
    async stockOf(variantIds) {
      const docs = await models.variants.find({ _id: { $in: [...variantIds] } }, { onHand: 1, reserved: 1 }).lean<Array<Pick<VariantDoc, "_id" | "onHand" | "reserved">>>();
      return new Map<string, StockLevel>(docs.map((doc) => [doc._id, { onHand: doc.onHand, reserved: doc.reserved }]));
    },
  };
}
