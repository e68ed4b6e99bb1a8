import { describe, expect, it, vi } from "vitest";
import type { Logger } from "../../logger.js";
import type { JobScheduler } from "../common/index.js";
import { queueOutbox } from "./queue-outbox.js";

/** A scheduler whose ring settles as `ring` says; only `enqueueNotifications` is ever called here. */
function schedulerRinging(ring: () => Promise<void>) {
  const enqueueNotifications = vi.fn<(outboxIds: readonly string[]) => Promise<void>>(ring);
  const refuse = () => Promise.reject(new Error("not used by queueOutbox"));
  const jobs: JobScheduler = { enqueueNotifications, scheduleOrderExpiry: refuse, enqueueNotificationJobs: refuse, enqueuePaymentEvent: refuse };
  return { jobs, enqueueNotifications };
}

function recordingLog() {
  const warn = vi.fn();
  return { log: { warn } as unknown as Logger, warn };
}

/** The ring after a commit (decision 183): started at once, waited for by nobody, its failure logged. */
describe("queueOutbox", () => {
  it("rings with the ids and returns before the ring is answered", () => {
    const { jobs, enqueueNotifications } = schedulerRinging(() => new Promise<void>(() => undefined));
    const deliver = queueOutbox(jobs, recordingLog().log);

    const returned: unknown = deliver(["order:o1:placed", "order:o1:placed:sms"]);

    expect(returned).toBeUndefined();
    expect(enqueueNotifications).toHaveBeenCalledTimes(1);
    expect(enqueueNotifications).toHaveBeenCalledWith(["order:o1:placed", "order:o1:placed:sms"]);
  });

  it("logs a failed ring with the ids it carried, and throws nothing anywhere", async () => {
    const { jobs } = schedulerRinging(() => Promise.reject(new Error("Connection is closed.")));
    const { log, warn } = recordingLog();
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    try {
      expect(() => queueOutbox(jobs, log)(["order:o2:placed"])).not.toThrow();
      await new Promise((resolve) => setImmediate(resolve));
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(
        { err: expect.objectContaining({ message: "Connection is closed." }) as unknown, outboxIds: ["order:o2:placed"] },
        "notifications not queued; the outbox relay will queue them",
      );
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });

  it("logs a scheduler that throws instead of rejecting, and throws nothing to the caller", () => {
    const { jobs } = schedulerRinging(() => {
      throw new Error("queue closed");
    });
    const { log, warn } = recordingLog();
    expect(() => queueOutbox(jobs, log)(["order:o3:placed"])).not.toThrow();
    expect(warn).toHaveBeenCalledWith({ err: expect.objectContaining({ message: "queue closed" }) as unknown, outboxIds: ["order:o3:placed"] }, "notifications not queued; the outbox relay will queue them");
  });

  it("does not ring for a unit of work that wrote no messages", () => {
    const { jobs, enqueueNotifications } = schedulerRinging(() => Promise.resolve());
    queueOutbox(jobs, recordingLog().log)([]);
    expect(enqueueNotifications).not.toHaveBeenCalled();
  });
});
