import mongoose from "mongoose";
import type { DatabaseHandle } from "@bbscart/core";
import { createIndexes, registerModels } from "./models/index.js";
import { fillSortKeys } from "./repositories/catalog-mapping.js";
import { repoContext } from "./repositories/context.js";
import { createRepositories } from "./repositories/index.js";
import { numberOldOrders, upgradeLegacyReturns } from "./repositories/orders.js";
import { mongoUnitOfWork } from "./unit-of-work.js";

export interface MongoOptions {
  uri: string;
  /** How long to look for a reachable primary before an operation fails. */
  serverSelectionTimeoutMs?: number;
  /** How long a unit of work may keep re-running after write conflicts before it gives up (default 5 s). */
  transactionRetryBudgetMs?: number;
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
    // Indexes are built explicitly below and awaited; collections are created by those builds.
    autoIndex: false,
    autoCreate: false,
  });
  try {
    await connection.asPromise();
    const models = registerModels(connection);
    await createIndexes(models);
    await fillSortKeys(models);
    await numberOldOrders(connection, models);
    await upgradeLegacyReturns(models);
    return {
      engine: "mongodb",
      uow: mongoUnitOfWork(connection, models, options.transactionRetryBudgetMs ?? 5_000),
      repos: createRepositories(repoContext(models, connection, undefined)),
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
