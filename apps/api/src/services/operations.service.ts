import type { Clock, DatabaseHandle, IdGenerator, User } from "@bbscart/core";
import type { failedJobActionInput, failedJobsInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import type { FailedJob, QueueCounts, QueueInspector } from "../jobs/queue-health.js";
import type { QueueName } from "../jobs/queues.js";
import { AppError, notFound } from "./app-error.js";
import { audit } from "./audit.js";

export interface OperationsDeps {
  db: DatabaseHandle;
  clock: Clock;
  ids: IdGenerator;
  queues: QueueInspector;
}

type FailedJobAction = z.output<typeof failedJobActionInput>;

/** Queue health for admins: counts per queue, the failed set, and retrying or discarding a failed job (audited). */
export function operationsService(deps: OperationsDeps) {
  const queueNamed = (name: string): QueueName => {
    if (!deps.queues.has(name)) throw new AppError("BAD_REQUEST", `queue must be one of ${deps.queues.names().join(", ")}`, { field: "queue" });
    return name;
  };

  /**
   * The audit entry is committed before the queue changes: Redis and the database share no
   * transaction, and an entry for an action that then failed is better than an action with none.
   */
  const act = async (actor: User, input: FailedJobAction, requestId: string, action: "retry" | "discard") => {
    const queue = queueNamed(input.queue);
    const job = await deps.queues.failedJob(queue, input.jobId);
    if (!job) throw notFound("Failed job");
    await deps.db.uow.run((repos) =>
      audit(repos, deps.clock, deps.ids, {
        actorId: actor.id,
        requestId,
        action: `queue.${action}`,
        targetType: "job",
        targetId: `${queue}/${job.id}`,
        reason: input.reason,
        before: { state: "failed", error: job.error, attemptsMade: job.attemptsMade },
        after: { state: action === "retry" ? "waiting" : "removed" },
      }),
    );
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
  };
}
