import type { Clock, DatabaseHandle, IdGenerator, User } from "@bbscart/core";
import type { failedJobActionInput, failedJobsInput, failedMessagesInput, messageRetryInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { AppError, audit, notFound, type JobScheduler } from "../common/index.js";
import { retryJob } from "../notifications/index.js";

export interface QueueCounts {
  readonly queue: string;
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly completed: number;
  readonly failed: number;
}

export interface FailedJob {
  readonly id: string;
  readonly name: string;
  readonly data: unknown;
  readonly error: string;
  readonly attemptsMade: number;
  readonly maxAttempts: number;
  readonly createdAt: Date;
  readonly failedAt: Date | null;
}

/** The port to the job queues (BullMQ in `jobs/queue-health.ts`): what admins may see and do with them. */
export interface QueueHealth {
  names(): readonly string[];
  counts(): Promise<QueueCounts[]>;
  /** Failed jobs, most recently failed first, by offset into the failed set. */
  failed(queue: string, offset: number, limit: number): Promise<{ jobs: FailedJob[]; total: number }>;
  /** The failed job, or null when it is not (or no longer) in the failed set. */
  failedJob(queue: string, jobId: string): Promise<FailedJob | null>;
  /** Moves a failed job back to waiting with its attempts reset. */
  retry(queue: string, jobId: string): Promise<void>;
  discard(queue: string, jobId: string): Promise<void>;
}

export interface OperationsDeps {
  db: DatabaseHandle;
  clock: Clock;
  ids: IdGenerator;
  queues: QueueHealth;
  jobs: Pick<JobScheduler, "enqueueNotificationJobs">;
}

type FailedJobAction = z.output<typeof failedJobActionInput>;

/** Queue health for admins: counts per queue, the failed set, and retrying or discarding a failed job (audited). */
export function operationsService(deps: OperationsDeps) {
  const queueNamed = (name: string): string => {
    if (!deps.queues.names().includes(name)) throw new AppError("BAD_REQUEST", `Queue must be one of ${deps.queues.names().join(", ")}`, { field: "queue" });
    return name;
  };

  /**
   * The audit entry is committed before the queue changes: Redis and the database share no
   * transaction, and an entry for an action that then failed is better than an action with none.
   * Discarding a notification's job also discards its outbox message, so the relay does not revive it.
   */
  const act = async (actor: User, input: FailedJobAction, requestId: string, action: "retry" | "discard") => {
    const queue = queueNamed(input.queue);
    const job = await deps.queues.failedJob(queue, input.jobId);
    if (!job) throw notFound("Failed job");
    await deps.db.uow.run(async (repos) => {
      const outboxId = (job.data as { outboxId?: unknown } | null)?.outboxId;
      if (action === "discard" && typeof outboxId === "string") await repos.outbox.markDiscarded(outboxId);
      await audit(repos, deps.clock, deps.ids, {
        actorId: actor.id,
        requestId,
        action: `queue.${action}`,
        targetType: "job",
        targetId: `${queue}/${job.id}`,
        reason: input.reason,
        before: { state: "failed", error: job.error, attemptsMade: job.attemptsMade },
        after: { state: action === "retry" ? "waiting" : "removed" },
      });
    });
    await (action === "retry" ? deps.queues.retry(queue, job.id) : deps.queues.discard(queue, job.id));
  };

  return {
    health: (): Promise<QueueCounts[]> => deps.queues.counts(),

    async failed(input: z.output<typeof failedJobsInput>): Promise<{ items: FailedJob[]; total: number; nextOffset: number | null }> {
      const { jobs, total } = await deps.queues.failed(queueNamed(input.queue), input.offset, input.limit);
      const next = input.offset + jobs.length;
      return { items: jobs, total, nextOffset: next < total ? next : null };
    },

    retry: (actor: User, input: FailedJobAction, requestId: string) => act(actor, input, requestId, "retry"),
    discard: (actor: User, input: FailedJobAction, requestId: string) => act(actor, input, requestId, "discard"),

    /** Notifications whose last attempt failed, from the outbox: they are listed even when Redis lost their jobs. */
    async failedMessages(input: z.output<typeof failedMessagesInput>) {
      const page = await deps.db.repos.outbox.list({ ...input, status: "failed" });
      return {
        items: page.items.map((m) => ({
          id: m.id,
          channel: m.channel,
          template: m.notification.template,
          attempts: m.attempts,
          lastError: m.lastError,
          lastFailedAt: m.lastFailedAt,
          createdAt: m.createdAt,
        })),
        nextCursor: page.nextCursor,
      };
    },

    /**
     * Queues a failed notification again as a job of its own generation, so it runs whether its old
     * job is in the failed set, still retrying (then delivery finds it sent and skips) or gone.
     * Audited first, as for jobs.
     */
    async retryMessage(actor: User, input: z.output<typeof messageRetryInput>, requestId: string) {
      const message = await deps.db.repos.outbox.find(input.outboxId);
      if (!message) throw notFound("Notification");
      if (message.status !== "failed" && message.status !== "discarded") {
        throw new AppError("CONFLICT", `This notification is ${message.status}, not failed`, { field: "outboxId", reason: "NOT_FAILED" });
      }
      await deps.db.uow.run((repos) =>
        audit(repos, deps.clock, deps.ids, {
          actorId: actor.id,
          requestId,
          action: "notification.retry",
          targetType: "notification",
          targetId: message.id,
          reason: input.reason,
          before: { status: message.status, attempts: message.attempts, lastError: message.lastError },
          after: { status: "queued" },
        }),
      );
      await deps.jobs.enqueueNotificationJobs([retryJob(message)]);
      return { queued: true };
    },
  };
}
