import { describe, expect, it } from "vitest";
import { outboxMessagesFor, revivalDue } from "./notification.js";

describe("outbox messages", () => {
  it("derive one message per channel with ids stable across retries", () => {
    const notification = { template: "order_shipped", userId: "u1", dedupeKey: "order:o1:ship", data: {} } as const;
    const now = new Date("2025-01-01T00:00:00Z");
    const first = outboxMessagesFor(notification, ["email", "sms"], now);
    expect(first.map((m) => m.id)).toEqual(["order:o1:ship:email", "order:o1:ship:sms"]);
    expect(outboxMessagesFor(notification, ["email", "sms"], now)).toEqual(first);
    expect(first[0]).toMatchObject({ status: "pending", attempts: 0, sentAt: null });
  });
});

describe("reviving failed messages", () => {
  const policy = { backoffMs: 1_000, minDelayMs: 0, maxDelayMs: 60_000, maxAttempts: 5 };
  const failedAt = new Date("2025-01-01T00:00:00Z");
  const [pending] = outboxMessagesFor({ template: "order_shipped", userId: "u1", dedupeKey: "order:o1:ship", data: {} }, ["email"], failedAt);
  const failed = (attempts: number) => ({ ...pending!, status: "failed" as const, attempts, lastFailedAt: failedAt });
  const after = (ms: number) => new Date(failedAt.getTime() + ms);

  it("waits twice the queue's own next backoff, doubling with each failure, up to the cap", () => {
    expect(revivalDue(failed(1), after(1_999), policy)).toBe(false);
    expect(revivalDue(failed(1), after(2_000), policy)).toBe(true);
    expect(revivalDue(failed(3), after(7_999), policy)).toBe(false);
    expect(revivalDue(failed(3), after(8_000), policy)).toBe(true);
    expect(revivalDue(failed(4), after(60_000), { ...policy, maxDelayMs: 60_000, backoffMs: 10_000 })).toBe(true);
  });

  it("waits at least the minimum after a failure, so a late queue retry still comes first", () => {
    expect(revivalDue(failed(1), after(9_999), { ...policy, minDelayMs: 10_000 })).toBe(false);
    expect(revivalDue(failed(1), after(10_000), { ...policy, minDelayMs: 10_000 })).toBe(true);
  });

  it("leaves pending, sent, discarded and exhausted messages alone", () => {
    expect(revivalDue(pending!, after(3_600_000), policy)).toBe(false);
    expect(revivalDue({ ...failed(1), status: "sent" }, after(3_600_000), policy)).toBe(false);
    expect(revivalDue({ ...failed(1), status: "discarded" }, after(3_600_000), policy)).toBe(false);
    expect(revivalDue(failed(5), after(3_600_000), policy)).toBe(false);
  });

  it("never revives a message before its live job's next retry would run, for any attempt count", () => {
    for (let attempts = 1; attempts < 5; attempts++) {
      const nextQueueRetry = policy.backoffMs * 2 ** (attempts - 1);
      expect(revivalDue(failed(attempts), after(nextQueueRetry), policy)).toBe(false);
    }
  });

  it("counts from the message's creation when no failure time was kept (a message stored before failure times existed)", () => {
    const old = { ...failed(1), lastFailedAt: null, createdAt: failedAt };
    expect(revivalDue(old, after(1_999), policy)).toBe(false);
    expect(revivalDue(old, after(2_000), policy)).toBe(true);
  });
});
