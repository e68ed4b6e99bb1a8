import { seedDemoStore } from "@bbscart/db/seed";
import { runScript } from "./script.js";

/**
 * `npm run seed`: loads the demo store, adding only what is missing. With `--if-empty` (what
 * `npm start` uses) it does nothing once the store has any category, so a shop owner's deletions
 * are never undone by a restart.
 */
runScript(async ({ db, files, print }) => {
  if (process.argv.includes("--if-empty") && (await db.repos.categories.list()).length > 0) return;
  print(`seed: loading the demo store into ${db.engine}…`);
  const report = await seedDemoStore({ db, files, now: new Date(), onProgress: print });
  print(
    `seed: done — ${report.categories} categories, ${report.products} products, ${report.coupons} coupons added` +
      (report.settings ? ", default settings saved" : ""),
  );
});
