import { runScript } from "./script.js";

/**
 * `npm run db:migrate`: opening the database applies pending migrations (SQLite), or creates every
 * collection with its validator and builds the indexes (MongoDB, ADR 084).
 */
runScript(async ({ db, env, print }) => {
  await db.ping();
  print(`db:migrate: ${db.engine} is up to date${db.engine === "sqlite" ? ` (${env.DATA_DIR})` : ""}`);
});
