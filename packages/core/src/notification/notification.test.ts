import { describe, expect, it } from "vitest";
import { outboxMessagesFor } from "./notification.js";

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
