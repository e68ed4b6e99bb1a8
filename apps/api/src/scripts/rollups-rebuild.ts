import { rebuildSalesRollups } from "../services/reports/index.js";
import { runScript } from "./script.js";

/**
 * `npm run db:rollups:rebuild`: recomputes the owner's figures' rollups from every order, days in
 * the store's time zone, ROLLUP_REBUILD_DAYS_PER_BATCH days per short write. Idempotent, and safe
 * while the shop runs; the API also does it at start when the rollups are missing or in another zone.
 */
runScript(async ({ db, env, print }) => {
  const started = Date.now();
  const { timeZone, orders, batches } = await rebuildSalesRollups(db, { daysPerBatch: env.ROLLUP_REBUILD_DAYS_PER_BATCH });
  print(`db:rollups:rebuild: ${orders} orders in ${batches} batches, days in ${timeZone}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
