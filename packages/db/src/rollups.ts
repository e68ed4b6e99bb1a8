import { randomUUID } from "node:crypto";
import { addDays, dayIn, startOfDay } from "@bbscart/core";

/** What each engine provides for a rebuild; the batching is the same on both. */
export interface RollupRebuildSteps {
  /**
   * One write: the state becomes (`timeZone`, incomplete, `generation`) and every rollup row is
   * deleted. Order writes from here on add their changes in `timeZone`.
   */
  begin(timeZone: string, generation: string): Promise<void>;
  /** The earliest `placedAt` at or after `from` (any when null); null when no order is left. */
  nextPlacedAt(from: Date | null): Promise<Date | null>;
  /**
   * One write: deletes the rows of days in [`fromDay`, `toDay`) and writes them again from the
   * orders placed in [`from`, `to`), the instants those days span. Returns the orders read.
   */
  recompute(range: { readonly fromDay: string; readonly toDay: string; readonly from: Date; readonly to: Date }, timeZone: string): Promise<number>;
  /** Marks the state complete if it still holds `generation` (no rebuild began since). */
  finish(generation: string): Promise<void>;
}

/**
 * Rebuilds the rollups day range by day range. A batch deletes and rewrites whole days in one
 * transaction, so a change an order write added to those days before it is replaced by the
 * recount that includes that write, and one added after lands on the recount: the rollups are
 * exact whatever the interleaving. Days without orders cost nothing: the next batch starts at
 * the next order.
 */
export async function rebuildRollups(steps: RollupRebuildSteps, timeZone: string, daysPerBatch: number): Promise<{ orders: number; batches: number }> {
  if (!Number.isSafeInteger(daysPerBatch) || daysPerBatch < 1) throw new Error(`daysPerBatch must be a positive integer, got ${daysPerBatch}`);
  const generation = randomUUID();
  await steps.begin(timeZone, generation);
  let orders = 0;
  let batches = 0;
  for (let next = await steps.nextPlacedAt(null); next !== null; ) {
    const fromDay = dayIn(timeZone, next);
    const toDay = addDays(fromDay, daysPerBatch);
    const to = startOfDay(timeZone, toDay);
    orders += await steps.recompute({ fromDay, toDay, from: startOfDay(timeZone, fromDay), to }, timeZone);
    batches += 1;
    next = await steps.nextPlacedAt(to);
  }
  await steps.finish(generation);
  return { orders, batches };
}
