import type { DatabaseHandle } from "@bbscart/core";
import { loadSettings } from "../common/index.js";

/**
 * Recomputes the owner's figures' rollups from the orders, days in the store's time zone, in
 * short batches of `daysPerBatch` days (`npm run db:rollups:rebuild`, the history bench after it
 * writes history). Safe while the shop runs: see ADR 132.
 */
export async function rebuildSalesRollups(db: Pick<DatabaseHandle, "repos" | "rollups">, options: { readonly daysPerBatch: number }) {
  const { timeZone } = await loadSettings(db.repos);
  return { timeZone, ...(await db.rollups.rebuild(timeZone, options)) };
}

/**
 * At start-up: rebuilds the rollups when they are missing (a database from before them),
 * incomplete (a rebuild was cut short) or in another zone than the store's (its time zone was
 * changed). Null when they are ready. Until then the dashboard recounts orders, so its figures
 * are right either way, only slower.
 */
export async function ensureSalesRollups(db: Pick<DatabaseHandle, "repos" | "rollups">, options: { readonly daysPerBatch: number }) {
  const [{ timeZone }, state] = await Promise.all([loadSettings(db.repos), db.rollups.state()]);
  if (state?.complete === true && state.timeZone === timeZone) return null;
  return rebuildSalesRollups(db, options);
}
