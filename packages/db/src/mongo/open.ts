import mongoose from "mongoose";
import type { DatabaseHandle } from "@bbscart/core";

export interface MongoOptions {
  uri: string;
  /** How long to look for a reachable primary before an operation fails. */
  serverSelectionTimeoutMs?: number;
}

/**
 * Connects to a MongoDB replica set (transactions need one). Writes default to `w: "majority"`, reads
 * to the primary, so an acknowledged order survives a failover.
 */
export async function openMongo(options: MongoOptions): Promise<DatabaseHandle> {
  const connection = mongoose.createConnection(options.uri, {
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 5_000,
    writeConcern: { w: "majority" },
    readPreference: "primary",
    autoIndex: true,
    // Collections are created by index builds and first writes; an explicit `create` adds nothing.
    autoCreate: false,
  });
  await connection.asPromise();
  return {
    engine: "mongodb",
    ping: async () => {
      const db = connection.db;
      if (!db) throw new Error("MongoDB connection is not open");
      await db.admin().ping();
    },
    close: () => connection.close(),
  };
}
