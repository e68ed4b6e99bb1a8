/**
 * The worker container's healthcheck (docker-compose.yml): exit 0 while every queue has a BullMQ
 * worker connected to Redis from this host, 1 otherwise. A worker has no HTTP port, and a process
 * that is alive but lost its Redis connection (or never started a queue) takes no jobs: what counts
 * is what Redis sees. BullMQ names its workers' connections (CLIENT SETNAME); the connections whose
 * address is the same as this check's own are this container's. Runs from the image as
 * `node deploy/worker-healthcheck.mjs` with the worker's environment.
 */
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { parseEnv } from "../apps/api/dist/env.js";
import { allQueueNames } from "../apps/api/dist/jobs/queues.js";

/** `addr=10.0.0.5:51234` (or `addr=::1:51234`) → the host part, as Redis reports it. @param {string} addr */
const hostOf = (addr) => addr.slice(0, addr.lastIndexOf(":"));

const env = parseEnv();
const redis = new Redis(env.REDIS_URL, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 1 });
/** @type {Queue[]} */
const queues = [];
try {
  await redis.connect();
  // After connecting: a Queue on a client that is not yet connected starts connecting it itself.
  queues.push(...allQueueNames.map((name) => new Queue(name, { connection: redis, prefix: env.REDIS_PREFIX })));
  const self = /(?:^|\s)addr=(\S+)/.exec(String(await redis.client("INFO")))?.[1];
  if (!self) throw new Error("Redis did not report this connection's address (CLIENT INFO)");
  const missing = [];
  for (const queue of queues) {
    const workers = await queue.getWorkers();
    if (!workers.some((worker) => hostOf(worker.addr ?? "") === hostOf(self))) missing.push(queue.name);
  }
  if (missing.length > 0) throw new Error(`no worker of this host is connected for: ${missing.join(", ")}`);
} catch (error) {
  process.stderr.write(`worker unhealthy: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await Promise.allSettled(queues.map((queue) => queue.close()));
  redis.disconnect();
}
