import type { Connection } from "../connection.js";
import type { SqlValue } from "../codec.js";

/** For each field a patch may carry, the columns it writes. Mapped over every key, so a new patchable field fails to compile until it is stored. */
export type PatchEncoders<P> = { readonly [K in keyof P]-?: (value: Exclude<P[K], undefined>) => Readonly<Record<string, SqlValue>> };

/** The columns a patch writes, field by field; fields the patch does not carry write nothing. */
export function patchAssignments<P extends object>(patch: P, encoders: PatchEncoders<P>): Array<readonly [string, SqlValue]> {
  const assignments: Array<readonly [string, SqlValue]> = [];
  for (const field of Object.keys(patch) as Array<keyof P>) {
    const value = patch[field];
    if (value === undefined) continue;
    assignments.push(...Object.entries(encoders[field](value as Exclude<P[keyof P], undefined>)));
  }
  return assignments;
}

/**
 * One `UPDATE … SET <only the given fields> WHERE <key> RETURNING *`: fields the patch does
 * not carry are left alone (no read-merge-write). With nothing to set, the row is just read.
 */
export function updateReturning<P extends object>(
  connection: Connection,
  table: string,
  where: readonly [column: string, value: SqlValue],
  patch: P,
  encoders: PatchEncoders<P>,
): unknown {
  const assignments = patchAssignments(patch, encoders);
  const [column, key] = where;
  if (assignments.length === 0) return connection.prepare(`SELECT * FROM ${table} WHERE ${column} = ?`).get(key);
  const set = assignments.map(([name]) => `${name} = ?`).join(", ");
  return connection.prepare(`UPDATE ${table} SET ${set} WHERE ${column} = ? RETURNING *`).get(...assignments.map(([, value]) => value), key);
}
