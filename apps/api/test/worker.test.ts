import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeShoppers, type Shopper } from "./checkout-fixtures.js";
import { startApp, testSecrets, type RunningApp } from "./harness.js";
import { useLaunch } from "./launch.js";
import { TestSmtpServer } from "./notifications-servers.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

const tempDir = useTempDirs();
const launch = useLaunch(tempDir);

/**
 * The real worker process against the API's database and queues, killed and restarted: what a
 * message's delivery guarantees promise across crashes. Locks and stall checks are shrunk so a
 * killed worker's job is taken over within about a second.
 */
describe("the worker process delivers each message across crashes and shutdowns", () => {
  let app: RunningApp;
  let smtp: TestSmtpServer;

  // One data directory for the whole suite (temp dirs from useTempDirs go after each test), shared by the API and every worker run.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-worker-"));

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    app = await startApp({ dataDir });
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const worker = (variables: Record<string, string> = {}) =>
    launch("worker", {
      NODE_ENV: "test",
      DATA_DIR: app.env.DATA_DIR,
      REDIS_PREFIX: app.env.REDIS_PREFIX,
      JWT_SECRET: testSecrets.jwtSecret,
      STRIPE_WEBHOOK_SECRET: testSecrets.webhookSecret,
      SMTP_URL: smtp.url,
      QUEUE_LOCK_MS: "1000",
      QUEUE_STALLED_INTERVAL_MS: "300",
      OUTBOX_RELAY_INTERVAL_MS: "300",
      NOTIFICATION_BACKOFF_MS: "20",
      ...variables,
    });

  /** Asks for a password reset over HTTP: one committed outbox message, queued by the API. */
  const requestReset = async () => {
    const [shopper] = (await makeShoppers(app, 1)) as [Shopper];
    await call(app.url, "auth.requestPasswordReset", { email: shopper.user.email });
    // The reset is stored just after the answer (so its timing reveals nothing).
    const message = await vi.waitFor(async () => {
      const [first] = (await app.db.repos.outbox.list({ cursor: null, limit: 1, status: null })).items;
      expect(first?.notification.userId).toBe(shopper.user.id);
      return first;
    });
    return { email: shopper.user.email, outboxId: message!.id };
  };

  const sentEventually = (outboxId: string) =>
    vi.waitFor(async () => expect((await app.db.repos.outbox.find(outboxId))?.status).toBe("sent"), { timeout: 15_000, interval: 100 });

  /** Lets a second (wrong) delivery show up if one were coming: stall checks and relay runs fit several times in this. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

  /**
   * A worker that kills itself (SIGKILL) at `point` of a reset email's delivery, then a fresh worker
   * that takes the message over; returns what the SMTP server received for it once it is recorded sent.
   */
  const crashThenRestart = async (point: "before-send" | "after-send") => {
    const first = worker({ NOTIFICATION_CRASH_POINT: point });
    await first.ready;
    const { email, outboxId } = await requestReset();
    expect(await first.exited).toBeNull();
    expect(first.child.signalCode).toBe("SIGKILL");
    const beforeRestart = smtp.to(email).length;

    const second = worker();
    await second.ready;
    await sentEventually(outboxId);
    await settle();
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    return { beforeRestart, copies: smtp.to(email), messageId: `<${outboxId.replaceAll(":", "-")}@bbscart>` };
  };

  it("sends exactly one email after being killed before sending", async () => {
    const { beforeRestart, copies, messageId } = await crashThenRestart("before-send");
    expect(beforeRestart).toBe(0);
    expect(copies.map((mail) => mail.messageId)).toEqual([messageId]);
  });

  it("repeats a message killed between sending and recording it only with the same Message-ID", async () => {
    const { beforeRestart, copies, messageId } = await crashThenRestart("after-send");
    expect(beforeRestart).toBe(1);
    expect(copies.map((mail) => mail.messageId)).toEqual([messageId, messageId]);
  });

  it("finishes the delivery in hand on SIGTERM before exiting 0", async () => {
    smtp.hold(1_500);
    try {
      const run = worker();
      await run.ready;
      const holding = once(smtp, "holding");
      const { email, outboxId } = await requestReset();
      await holding;
      run.child.kill("SIGTERM");
      expect(await run.exited).toBe(0);
      // The SMTP server had not answered when the signal came; the worker waited for it and recorded the send.
      expect(smtp.to(email)).toHaveLength(1);
      expect((await app.db.repos.outbox.find(outboxId))?.status).toBe("sent");
      expect(run.output().stdout).toMatch(/"msg":"shutting down".*"msg":"stopped"/s);
    } finally {
      smtp.hold(0);
    }
  });
});
