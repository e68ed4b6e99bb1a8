import { DuplicateKeyError, type UniqueKey } from "@bbscart/core";

/** Unique index name (as declared in `models/`) → the port's name for it, per collection. */
export type UniqueIndexNames = Readonly<Record<string, UniqueKey>>;

function duplicateIndexName(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== 11000 || typeof message !== "string") return null;
  // Both MongoDB ("collection: db.c index: name dup key") and drivers' bulk errors name the index.
  return /index: (\S+)/.exec(message)?.[1] ?? null;
}

/**
 * Runs a write and turns an E11000 on one of `indexes` into `DuplicateKeyError(key)`, so no
 * driver error for a unique index crosses the port. An E11000 on an index not listed is a bug
 * in the adapter and is rethrown unchanged.
 */
export async function translateDuplicateKey<T>(indexes: UniqueIndexNames, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const name = duplicateIndexName(error);
    const key = name === null ? undefined : indexes[name];
    if (key) throw new DuplicateKeyError(key);
    throw error;
  }
}
