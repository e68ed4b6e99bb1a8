import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Worker } from "bullmq";
import { afterEach, describe, expect, it } from "vitest";
import { allQueueNames } from "../apps/api/dist/jobs/queues.js";

const run = promisify(execFile);
const script = fileURLToPath(new URL("worker-healthcheck.mjs", import.meta.url));
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** Runs the healthcheck as the container does, with its own queue prefix on the shared Redis. */
async function healthcheck(prefix: string): Promise<{ code: number; stderr: string }> {
  const env = { PATH: process.env.PATH, NODE_ENV: "test", REDIS_URL: redisUrl, REDIS_PREFIX: prefix };
  try {
    await run(process.execPath, [script], { env, timeout: 15_000 });
    return { code: 0, stderr: "" };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code ?? -1, stderr: failed.stderr ?? "" };
  }
}

describe("worker healthcheck", () => {
  const prefix = `deploy-health-${randomBytes(4).toString("hex")}`;
  let workers: Worker[] = [];
  const startWorkers = async (names: readonly string[]) => {
    workers = names.map((name) => new Worker(name, () => Promise.resolve(), { connection: { url: redisUrl, maxRetriesPerRequest: null }, prefix }));
    await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  };
  afterEach(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
  });

  it("is healthy while every queue has a worker connected from this host", async () => {
    await startWorkers(allQueueNames);
    expect(await healthcheck(prefix)).toEqual({ code: 0, stderr: "" });
  });

  it("is unhealthy, naming the queues, when a queue has no worker or none run at all", async () => {
    await startWorkers(allQueueNames.slice(1));
    const partial = await healthcheck(prefix);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toBe(`worker unhealthy: no worker of this host is connected for: ${allQueueNames[0]}\n`);
    await Promise.all(workers.map((worker) => worker.close()));
    workers = [];
    expect((await healthcheck(prefix)).stderr).toContain(allQueueNames.join(", "));
  });

  it("is unhealthy when Redis cannot be reached", async () => {
    const env = { PATH: process.env.PATH, NODE_ENV: "test", REDIS_URL: "redis://127.0.0.1:1", REDIS_PREFIX: prefix };
    await expect(run(process.execPath, [script], { env, timeout: 15_000 })).rejects.toMatchObject({ code: 1 });
  });
});
