import mongoose from "mongoose";
import { unobserved, type DatabaseHandle, type UnitOfWorkObserver } from "@bbscart/core";
import { createCollections } from "./collections.js";
import { createIndexes, registerModels } from "./models/index.js";
import { seedLocks } from "./repositories/settings.js";
import { fillImageAlts, fillSortKeys } from "./repositories/catalog-mapping.js";
import { fillCouponVersions } from "./repositories/coupons.js";
import { mongoCatalogVersion } from "./repositories/catalog-version.js";
import { repoContext } from "./repositories/context.js";
import { createRepositories } from "./repositories/index.js";
import { fillAddressStateCodes, fillUserSearchKeys } from "./repositories/users.js";
import { fillSearchVocabulary } from "./repositories/vocabulary.js";
import { mongoRetention } from "./retention.js";
import { mongoRollups } from "./rollups.js";
import { numberOldOrders, upgradeLegacyReturns } from "./repositories/orders.js";
import { mongoUnitOfWork } from "./unit-of-work.js";

export interface MongoOptions {
  uri: string;
  /** How long to look for a reachable primary before an operation fails. */
  serverSelectionTimeoutMs?: number;
  /** How long a unit of work may keep re-running after write conflicts before it gives up (default 5 s). */
  transactionRetryBudgetMs?: number;
  /** Told how long each unit of work took and of each re-run after a write conflict (metrics); none by default. */
  observer?: UnitOfWorkObserver;
  /**
   * Create each collection with its validator (`create`/`collMod`) at open (ADR 084); default true.
   * Only the test lanes' jongodb emulator, which has neither command and enforces no validator, turns
   * it off: its collections are then created by their index builds and on first write.
   */
  schemaCommands?: boolean;
  /** How often, at most, the catalog's version is read again (decision 105; default 1 s). */
  catalogVersionRefreshMs?: number;
}

/**
 * Connects to a MongoDB replica set (transactions need one), builds every declared index and
 * brings documents stored by older versions up to date (sort keys, order numbers, returns) before
 * returning, so no write ever runs without its unique index. Writes default to
 * `w: "majority"`, reads to the primary, so an acknowledged order survives a failover.
 */
export async function openMongo(options: MongoOptions): Promise<DatabaseHandle> {
  const connection = mongoose.createConnection(options.uri, {
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 5_000,
    writeConcern: { w: "majority" },
    readPreference: "primary",
    // Collections and indexes are created explicitly below and awaited, never implicitly by a write.
    autoIndex: false,
    autoCreate: false,
  });
  try {
    await connection.asPromise();
    const models = registerModels(connection);
    if (options.schemaCommands !== false) await createCollections(connection, models);
    await createIndexes(models);
    await seedLocks(models);
    await fillSortKeys(models);
    await fillImageAlts(models);
    await fillCouponVersions(models);
    await fillUserSearchKeys(models);
    await fillSearchVocabulary(models);
    await fillAddressStateCodes(models);
    await numberOldOrders(connection, models);
    await upgradeLegacyReturns(models);
    return {
      engine: "mongodb",
      uow: mongoUnitOfWork(connection, models, options.transactionRetryBudgetMs ?? 5_000, options.observer ?? unobserved),
      repos: createRepositories(repoContext(models, connection, undefined)),
      retention: mongoRetention(models),
      rollups: mongoRollups(connection, models),
      catalogVersion: await mongoCatalogVersion(models, options.catalogVersionRefreshMs ?? 1_000),
      ping: async () => {
        const db = connection.db;
        if (!db) throw new Error("MongoDB connection is not open");
        await db.admin().ping();
      },
      close: () => connection.close(),
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
