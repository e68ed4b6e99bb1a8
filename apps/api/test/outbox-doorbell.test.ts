import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { idsOfRing, outboxDoorbell } from "../src/jobs/outbox-doorbell.js";
import { BullJobScheduler, bullConnection, notificationsQueue, outboxDoorbellChannel, type QueueEnv } from "../src/jobs/queues.js";
import { createLogger } from "../src/logger.js";
import { systemClock } from "../src/runtime.js";
import { removeKeys } from "./redis-keys.js";
import { testEnv } from "./test-env.js";

const log = createLogger({ LOG_LEVEL: "silent" }, "api");
const prefixes: string[] = [];
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const closable of open.splice(0).reverse()) await closable.close();
});
afterAll(() => Promise.all(prefixes.map((prefix) => removeKeys(prefix))));

function queueEnv(): QueueEnv {
  const prefix = `bbscart-test-doorbell-${randomUUID().slice(0, 8)}`;
  prefixes.push(prefix);
  const retry = { ORDER_EXPIRY_ATTEMPTS: 3, ORDER_EXPIRY_BACKOFF_MS: 100, NOTIFICATION_ATTEMPTS: 3, NOTIFICATION_BACKOFF_MS: 100, PAYMENTS_ATTEMPTS: 3, PAYMENTS_BACKOFF_MS: 100 };
  return { REDIS_URL: testEnv.redisUrl, REDIS_PREFIX: prefix, ...retry };
}

/** The API's scheduler and a worker's notifications queue, with the worker's doorbell when `listening`, on a prefix of their own. */
async function setup({ listening }: { listening: boolean }) {
  const env = queueEnv();
  const scheduler = new BullJobScheduler(env, systemClock, log);
  const notifications = notificationsQueue(env, bullConnection(env));
  open.push(scheduler, notifications);
  if (listening) open.push(await outboxDoorbell(env, { notifications, log }));
  const job = async (id: string) => (await notifications.getJob(id))?.data as unknown;
  return { env, scheduler, notifications, job };
}

describe("the outbox doorbell (decision 169)", () => {
  it("a worker listening queues the jobs the API rang for; the API adds none itself", async () => {
    const adds = vi.spyOn(Queue.prototype, "addBulk");
    const { scheduler, notifications, job } = await setup({ listening: true });
    await scheduler.enqueueNotifications(["order:o1:placed", "order:o1:placed:sms"]);
    await vi.waitFor(async () => {
      expect(await job("order-o1-placed")).toEqual({ outboxId: "order:o1:placed" });
      expect(await job("order-o1-placed-sms")).toEqual({ outboxId: "order:o1:placed:sms" });
    });
    expect(adds.mock.contexts.length).toBeGreaterThan(0);
    expect(adds.mock.contexts.every((queue) => queue === notifications)).toBe(true);
  });

  it("with no worker listening, the API adds the jobs itself before it answers", async () => {
    const { scheduler, job } = await setup({ listening: false });
    await scheduler.enqueueNotifications(["order:o2:placed"]);
    expect(await job("order-o2-placed")).toEqual({ outboxId: "order:o2:placed" });
  });

  it("queues every message of 50 orders committed at once", async () => {
    const env = queueEnv();
    const scheduler = new BullJobScheduler(env, systemClock, log);
    const notifications = notificationsQueue(env, bullConnection(env));
    open.push(scheduler, notifications);
    open.push(await outboxDoorbell(env, { notifications, log }));
    const ids = Array.from({ length: 50 }, (_, i) => [`order:c${i}:placed`, `order:c${i}:placed:sms`]);
    await Promise.all(ids.map((pair) => scheduler.enqueueNotifications(pair)));
    await vi.waitFor(async () => expect(await notifications.getJobCounts("waiting")).toEqual({ waiting: 100 }));
    expect(await notifications.getJob("order-c49-placed-sms")).toBeDefined();
  });

  it("adds a message rung twice, heard by two workers, as one job", async () => {
    const { env, scheduler, notifications } = await setup({ listening: true });
    open.push(await outboxDoorbell(env, { notifications, log }));
    await scheduler.enqueueNotifications(["order:o3:placed"]);
    await scheduler.enqueueNotifications(["order:o3:placed"]);
    await vi.waitFor(async () => expect(await notifications.getJob("order-o3-placed")).toBeDefined());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await notifications.getJobCounts("waiting")).toEqual({ waiting: 1 });
  });

  it("ignores a message that is not a list of outbox ids, with a warning, and keeps listening", async () => {
    const warn = vi.spyOn(log, "warn");
    const { env, scheduler, job } = await setup({ listening: true });
    const stranger = new Redis(testEnv.redisUrl);
    await stranger.publish(outboxDoorbellChannel(env.REDIS_PREFIX), "not json");
    stranger.disconnect();
    await scheduler.enqueueNotifications(["order:o4:placed"]);
    await vi.waitFor(async () => expect(await job("order-o4-placed")).toEqual({ outboxId: "order:o4:placed" }));
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ bytes: 8 }), expect.stringMatching(/not a list of outbox ids/));
  });

  it("reads a ring only as a short list of non-empty ids", () => {
    expect(idsOfRing('["a:1","b:2"]')).toEqual(["a:1", "b:2"]);
    const tooMany = JSON.stringify(Array.from({ length: 101 }, (_, i) => `m${i}`));
    for (const message of ["", "{}", "[]", '"a"', "[1]", '[""]', '["a",null]', JSON.stringify(["x".repeat(201)]), tooMany]) {
      expect(idsOfRing(message), message.slice(0, 20)).toBeNull();
    }
  });
});
