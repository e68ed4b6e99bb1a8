import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DatabaseHandle, OutboxMessage } from "@bbscart/core";
import { openDatabase } from "@bbscart/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { pruneOldRecords } from "../src/services/operations/index.js";
import { startApp, testSecrets, type RunningApp } from "./harness.js";
import { useLaunch } from "./launch.js";
import { useTempDirs } from "./temp-dir.js";

const tempDir = useTempDirs();
const launch = useLaunch(tempDir);
const DAY_MS = 86_400_000;
const now = new Date("2026-12-01T00:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

const message = (id: string, status: OutboxMessage["status"], createdAt: Date): OutboxMessage => ({
  id,
  channel: "email",
  notification: { template: "password_reset", userId: "user-1", dedupeKey: id, data: {} },
  status,
  attempts: 0,
  createdAt,
  sentAt: status === "sent" ? createdAt : null,
  lastError: null,
  lastFailedAt: null,
});

const webhookEvent = (id: string, status: "processed" | "failed", receivedAt: Date) => ({
  id,
  provider: "sandbox",
  type: "payment_intent.succeeded",
  payload: "{}",
  receivedAt,
  status,
  attempts: 1,
  claimedAt: receivedAt,
  lastError: null,
  lastFailedAt: null,
  processedAt: status === "processed" ? receivedAt : null,
});

const outboxIds = async (db: DatabaseHandle) => (await db.repos.outbox.list({ cursor: null, limit: 100, status: null })).items.map((m) => m.id).sort();

describe("retention deletes what is past its window and nothing else", () => {
  let db: DatabaseHandle;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: tempDir() });
  });
  afterAll(() => db.close());

  it("prunes in batches until a batch comes back short; keeps pending and failed messages, young records and every order", async () => {
    const policy = { messagesDays: 30, webhookEventsDays: 14, batchSize: 4 };
    // Ten delivered messages past the window: three batches of at most four.
    for (let i = 0; i < 10; i++) await db.repos.outbox.enqueue(message(`old-sent-${i}`, i % 2 ? "sent" : "discarded", daysAgo(31 + i)));
    await db.repos.outbox.enqueue(message("old-pending", "pending", daysAgo(40)));
    await db.repos.outbox.enqueue(message("old-failed", "failed", daysAgo(40)));
    await db.repos.outbox.enqueue(message("young-sent", "sent", daysAgo(29)));
    await db.repos.webhooks.insert(webhookEvent("evt_old", "processed", daysAgo(15)));
    await db.repos.webhooks.insert(webhookEvent("evt_young", "processed", daysAgo(13)));
    await db.repos.webhooks.insert(webhookEvent("evt_old_failed", "failed", daysAgo(60)));
    await db.repos.idempotency.claim({ userId: "user-1", scope: "place_order", key: "old", requestHash: "h", resultId: "o1", createdAt: daysAgo(31), openSince: null });
    await db.repos.idempotency.claim({ userId: "user-1", scope: "place_order", key: "young", requestHash: "h", resultId: "o2", createdAt: daysAgo(29), openSince: null });

    const prune = vi.spyOn(db.retention, "prune");
    const pruned = await pruneOldRecords({ db, clock: { now: () => now } }, policy);

    expect(pruned).toEqual({ delivered_messages: 10, processed_webhook_events: 1, idempotency_keys: 1, ended_sessions: 0, ended_password_resets: 0 });
    expect(prune.mock.calls.filter(([kind]) => kind === "delivered_messages").map(([, , limit]) => limit)).toEqual([4, 4, 4]);
    expect(await outboxIds(db)).toEqual(["old-failed", "old-pending", "young-sent"]);
    expect(await db.repos.webhooks.find("evt_old")).toBeNull();
    expect(await db.repos.webhooks.find("evt_young")).not.toBeNull();
    expect(await db.repos.webhooks.find("evt_old_failed")).not.toBeNull();
    expect(await db.repos.idempotency.find("user-1", "place_order", "old")).toBeNull();
    expect(await db.repos.idempotency.find("user-1", "place_order", "young")).not.toBeNull();
  });
});

describe("the worker runs retention on its schedule", () => {
  let app: RunningApp;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-retention-"));
  beforeAll(async () => {
    app = await startApp({ dataDir });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("deletes a delivered message older than RETENTION_MESSAGES_DAYS and keeps a younger one", async () => {
    const old = new Date(Date.now() - 3 * DAY_MS);
    await app.db.repos.outbox.enqueue(message("old-delivered", "sent", old));
    await app.db.repos.outbox.enqueue(message("young-delivered", "sent", new Date()));
    const worker = launch("worker", {
      NODE_ENV: "test",
      DATA_DIR: app.env.DATA_DIR,
      REDIS_PREFIX: app.env.REDIS_PREFIX,
      JWT_SECRET: testSecrets.jwtSecret,
      STRIPE_WEBHOOK_SECRET: testSecrets.webhookSecret,
      RETENTION_EVERY_MS: "1000",
      RETENTION_MESSAGES_DAYS: "2",
    });
    await worker.ready;
    await vi.waitFor(async () => expect(await app.db.repos.outbox.find("old-delivered")).toBeNull(), { timeout: 15_000, interval: 200 });
    expect(await app.db.repos.outbox.find("young-delivered")).not.toBeNull();
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
  });
});
