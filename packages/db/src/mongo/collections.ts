import { isDeepStrictEqual } from "node:util";
import type { Connection } from "mongoose";
import type { Models } from "./models/index.js";
import { collectionValidators } from "./validators.js";

const NAMESPACE_EXISTS = 48;

/**
 * `moderate`: inserts and updates of valid documents are checked; a document stored before its
 * validator existed (an order without a number) can still be updated rather than failing every write
 * to it. `error`: a write that breaks the validator is refused, never logged and applied.
 */
const validation = { validationLevel: "moderate", validationAction: "error" } as const;

/**
 * Creates every collection of the store, with its `$jsonSchema` validator, before anything writes
 * (ADR 084): a collection first written inside a transaction would otherwise be created implicitly
 * there, without a validator, and a second transaction creating it at the same time fails. An
 * existing collection whose validator differs from this version's gets it by `collMod`.
 */
export async function createCollections(connection: Connection, models: Models): Promise<void> {
  const db = connection.db;
  if (!db) throw new Error("MongoDB connection is not open");
  const existing = new Map((await db.listCollections({}, { nameOnly: false }).toArray()).map((info) => [info.name, info]));
  for (const [name, validator] of Object.entries(collectionValidators(models))) {
    const found = existing.get(name);
    if (!found) {
      // Another process opening the same database may create it first; its validator is this one.
      await db.createCollection(name, { validator, ...validation }).catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== NAMESPACE_EXISTS) throw error;
      });
      continue;
    }
    const options = ("options" in found ? found.options : undefined) as { validator?: unknown; validationLevel?: unknown; validationAction?: unknown } | undefined;
    const current = { validator: options?.validator, validationLevel: options?.validationLevel, validationAction: options?.validationAction };
    if (!isDeepStrictEqual(current, { validator, ...validation })) await db.command({ collMod: name, validator, ...validation });
  }
}
