import { outboxMessagesFor } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { makeShoppers, type Shopper } from "./checkout-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { TestSmtpServer } from "./notifications-servers.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

const tempDir = useTempDirs();

interface Counts {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}
interface FailedPage {
  items: { id: string; error: string; attemptsMade: number; maxAttempts: number; data: { outboxId: string } }[];
  total: number;
  nextOffset: number | null;
}

describe("queue health and failed jobs for admins over HTTP", () => {
  let app: RunningApp;
  let smtp: TestSmtpServer;
  let admin: TestAccount;
  let shoppers: Shopper[];

  const as = (path: string, input?: unknown) => call(app.url, path, input, { token: admin.token });
  const notifications = async () => ((await as("admin.operations.health")).data as Counts[]).find((c) => c.queue === "notifications")!;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    app = await startApp({
      dataDir: tempDir(),
      workers: true,
      variables: {
        SMTP_URL: smtp.url,
        NOTIFICATION_ATTEMPTS: "2",
        NOTIFICATION_BACKOFF_MS: "10",
        MUTATIONS_PER_IP_PER_MINUTE: "100000",
        // Messages that used their two queue attempts wait for an admin; fewer failures are revived.
        OUTBOX_REVIVAL_MAX_ATTEMPTS: "2",
        OUTBOX_REVIVAL_MIN_DELAY_MS: "1500",
        OUTBOX_RELAY_INTERVAL_MS: "300",
      },
    });
    admin = await createAccount(app, { role: "admin", permissions: ["operations.view"] });
    shoppers = await makeShoppers(app, 2);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it("counts, lists, retries and discards failed notification jobs, auditing both actions", async () => {
    const before = await notifications();
    expect(before).toEqual({ queue: "notifications", waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 });
    expect(((await as("admin.operations.health")).data as Counts[]).map((c) => c.queue)).toContain("order-expiry");

    // The SMTP server refuses everything: both messages use up their two attempts.
    smtp.refuseNext(1_000);
    for (const shopper of shoppers) await call(app.url, "auth.requestPasswordReset", { email: shopper.user.email });
    await vi.waitFor(async () => expect((await notifications()).failed).toBe(2), { timeout: 10_000 });
    expect(await notifications()).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: 0, failed: 2 });

    const first = (await as("admin.operations.failed", { queue: "notifications", limit: 1 })).data as FailedPage;
    expect(first).toMatchObject({ total: 2, nextOffset: 1 });
    expect(first.items[0]).toMatchObject({ attemptsMade: 2, maxAttempts: 2, error: expect.stringMatching(/421/) as unknown });
    const second = (await as("admin.operations.failed", { queue: "notifications", offset: 1, limit: 1 })).data as FailedPage;
    expect(second).toMatchObject({ total: 2, nextOffset: null });
    const [retried, discarded] = [first.items[0]!, second.items[0]!];
    expect(retried.id).not.toBe(discarded.id);
    expect((await app.db.repos.outbox.find(retried.data.outboxId))).toMatchObject({ status: "failed", attempts: 2 });

    // The server is back: the retried job delivers; the discarded one is gone for good.
    smtp.refuseNext(0);
    expect((await as("admin.operations.retry", { queue: "notifications", jobId: retried.id, reason: "SMTP fixed" })).status).toBe(200);
    await vi.waitFor(async () => expect((await app.db.repos.outbox.find(retried.data.outboxId))?.status).toBe("sent"), { timeout: 10_000 });
    expect(smtp.received).toHaveLength(1);
    expect((await as("admin.operations.discard", { queue: "notifications", jobId: discarded.id, reason: null })).status).toBe(200);
    expect(await notifications()).toMatchObject({ waiting: 0, active: 0, failed: 0, completed: 1 });
    // Discarded for good: the relay does not revive it.
    expect((await app.db.repos.outbox.find(discarded.data.outboxId))?.status).toBe("discarded");

    // Gone from the failed set: a second retry or discard finds nothing.
    expect((await as("admin.operations.retry", { queue: "notifications", jobId: retried.id })).status).toBe(404);
    expect((await as("admin.operations.discard", { queue: "notifications", jobId: discarded.id })).status).toBe(404);

    const audit = (await as("admin.audit.list", { actorId: admin.user.id })).data as { items: { action: string; targetId: string; reason: string | null }[] };
    expect(audit.items.map((e) => [e.action, e.targetId, e.reason])).toEqual([
      ["queue.discard", `notifications/${discarded.id}`, null],
      ["queue.retry", `notifications/${retried.id}`, "SMTP fixed"],
    ]);
  });

  it("revives a failed message whose queue job was lost, and lets an admin retry one that waits for them", async () => {
    // Failed once, its job gone (Redis lost it): nothing in BullMQ would ever run it again.
    const message = (dedupeKey: string) => outboxMessagesFor({ template: "wallet_credited", userId: shoppers[0]!.user.id, dedupeKey, data: { amountMinor: "100" } }, ["email"], new Date())[0]!;
    const lost = message(`lost-job-${Date.now()}`);
    await app.db.uow.run(async (repos) => {
      await repos.outbox.enqueue(lost);
      await repos.outbox.markFailed(lost.id, "smtp down", new Date());
    });
    await vi.waitFor(async () => expect((await app.db.repos.outbox.find(lost.id))?.status).toBe("sent"), { timeout: 10_000 });

    // Out of revivals (two failures in all): it waits, listed for an admin, whose retry needs no job.
    const stuck = message(`stuck-${Date.now()}`);
    await app.db.uow.run(async (repos) => {
      await repos.outbox.enqueue(stuck);
      await repos.outbox.markFailed(stuck.id, "smtp down", new Date());
      await repos.outbox.markFailed(stuck.id, "smtp still down", new Date());
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await app.db.repos.outbox.find(stuck.id))?.status).toBe("failed");
    const listed = (await as("admin.operations.failedMessages", {})).data as { items: { id: string; attempts: number; lastError: string }[] };
    expect(listed.items.find((m) => m.id === stuck.id)).toMatchObject({ attempts: 2, lastError: "smtp still down" });
    expect((await as("admin.operations.retryMessage", { outboxId: stuck.id, reason: "SMTP fixed" })).status).toBe(200);
    await vi.waitFor(async () => expect((await app.db.repos.outbox.find(stuck.id))?.status).toBe("sent"), { timeout: 10_000 });
    expect((await as("admin.operations.retryMessage", { outboxId: stuck.id, reason: null })).status).toBe(409);
    const audit = (await as("admin.audit.list", { actorId: admin.user.id, action: "notification.retry" })).data as { items: { targetId: string; reason: string | null }[] };
    expect(audit.items).toEqual([expect.objectContaining({ targetId: stuck.id, reason: "SMTP fixed" })]);
  });

  it("answers an unknown queue with a 400 naming the field", async () => {
    for (const path of ["admin.operations.failed", "admin.operations.retry"]) {
      const result = await as(path, { queue: "no-such-queue", jobId: "x" });
      expect(result.status).toBe(400);
      expect(result.error?.data.fieldErrors).toEqual([{ path: "queue", message: expect.stringContaining("notifications") as unknown }]);
    }
    expect((await as("admin.operations.failed", { queue: "notifications", limit: 0 })).error?.data.fieldErrors[0]?.path).toBe("limit");
  });
});
