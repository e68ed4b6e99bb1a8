import { seedDemoStore } from "@bbscart/db/seed";
import { timeOrderedIds } from "../runtime.js";
import { createDemoAccounts } from "./demo-accounts.js";
import { runScript } from "./script.js";

/**
 * `npm run seed`: loads the demo store and the demo accounts, adding only what is missing. With
 * `--if-empty` (what `npm start` uses) it does nothing once the store has any category, so a shop
 * owner's deletions are never undone by a restart.
 */
runScript(async ({ db, files, print }) => {
  if (process.argv.includes("--if-empty") && (await db.repos.categories.list()).length > 0) return;
  print(`seed: loading the demo store into ${db.engine}…`);
  const now = new Date();
  const report = await seedDemoStore({ db, files, now, onProgress: print });
  print(
    `seed: done — ${report.categories} categories, ${report.products} products, ${report.coupons} coupons added` +
      (report.settings ? ", default settings saved" : ""),
  );
  const accounts = await createDemoAccounts(db, timeOrderedIds, now);
  if (accounts.length > 0) {
    print("seed: demo accounts (passwords are shown only this once; only their hashes are stored):");
    for (const account of accounts) print(`        ${account.email}  ${account.password}`);
  }
});
