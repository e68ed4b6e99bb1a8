import { randomUUID } from "node:crypto";
import type { Clock, IdGenerator } from "@bbscart/core";

/** The real clock; tests pass their own. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A UUID version 7 (RFC 9562) for `ms`: the time in its first 48 bits, then the version, then the
 * 74 random bits of `random`, a version 4 UUID (`crypto.randomUUID`, whose 12 bits after the version
 * and 62 after the variant are kept, variant bits included).
 */
export function timeOrderedUuid(ms: number, random: string): string {
  const time = ms.toString(16).padStart(12, "0");
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}

/**
 * New records' ids (decision 172): UUIDs that sort by when they were made, with 74 random bits, so
 * an id in a URL still reveals nothing about other records. Random (version 4) ids sent every new
 * order, outbox message and ledger transfer to a different leaf of each index keyed by them, so a
 * group commit of n orders wrote n pages per such index; ids made together now share the last one.
 */
export const timeOrderedIds: IdGenerator = { next: () => timeOrderedUuid(Date.now(), randomUUID()) };
