/**
 * The worker's side of the outbox doorbell (decision 169), run as its own process on the load core:
 * after each commit that writes notifications the API publishes their ids and, with a worker
 * listening, leaves adding their jobs to it. A shop runs a worker beside its API; the bench runs only
 * this part of one — the jobs are added to the queue as before and, as before, nobody sends them — so
 * the API is measured doing what it does beside a worker. Serves the build the bench measures
 * (`--api-root`); a build without a doorbell never publishes and adds its jobs itself.
 *
 *   node doorbell.mjs <api root>      (environment: the API's, from store.mjs's apiEnv)
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = process.argv[2];
if (!root) throw new Error("usage: node doorbell.mjs <api root>");
const dist = (file) => pathToFileURL(path.join(root, "apps/api/dist", file)).href;
if (!fs.existsSync(path.join(root, "apps/api/dist/jobs/outbox-doorbell.js"))) {
  process.stdout.write("DOORBELL_ABSENT\n");
  process.exit(0);
}
const { parseEnv } = await import(dist("env.js"));
const { createLogger } = await import(dist("logger.js"));
const { bullConnection, notificationsQueue } = await import(dist("jobs/queues.js"));
const { outboxDoorbell } = await import(dist("jobs/outbox-doorbell.js"));

const env = parseEnv(process.env);
const log = createLogger(env, "worker");
const notifications = notificationsQueue(env, bullConnection(env));
const doorbell = await outboxDoorbell(env, { notifications, log });
process.stdout.write("DOORBELL_LISTENING\n");
process.once("SIGTERM", async () => {
  await doorbell.close();
  await notifications.close();
  process.exit(0);
});
