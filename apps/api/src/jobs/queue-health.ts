import { Queue, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { FailedJob, QueueCounts, QueueHealth } from "../services/operations/index.js";
import { allQueueNames, type QueueName } from "./queues.js";

const toFailedJob = (job: Job): FailedJob => ({
  id: job.id ?? "",
  name: job.name,
  data: job.data as unknown,
  error: job.failedReason,
  attemptsMade: job.attemptsMade,
  maxAttempts: job.opts.attempts ?? 1,
  createdAt: new Date(job.timestamp),
  failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
});

/**
 * The admin's view of BullMQ: counts per queue, the failed set, retry and discard. It reads and
 * writes through the API's own Redis client (which fails fast while Redis is down) rather than a
 * connection per queue, and never closes it.
 */
export class QueueInspector implements QueueHealth {
  private readonly queues: ReadonlyMap<string, Queue>;

  constructor(redis: Redis, prefix: string) {
    this.queues = new Map(allQueueNames.map((name) => [name, new Queue(name, { connection: redis, prefix })]));
  }

  names(): readonly QueueName[] {
    return allQueueNames;
  }

  async counts(): Promise<QueueCounts[]> {
    return Promise.all(
      allQueueNames.map(async (queue) => {
        const counts = await this.queue(queue).getJobCounts("waiting", "active", "delayed", "completed", "failed");
        return { queue, waiting: counts.waiting ?? 0, active: counts.active ?? 0, delayed: counts.delayed ?? 0, completed: counts.completed ?? 0, failed: counts.failed ?? 0 };
      }),
    );
  }

  /** Failed jobs, most recently failed first, by offset into the failed set. */
  async failed(queue: string, offset: number, limit: number): Promise<{ jobs: FailedJob[]; total: number }> {
    const [jobs, total] = await Promise.all([this.queue(queue).getFailed(offset, offset + limit - 1), this.queue(queue).getFailedCount()]);
    return { jobs: (jobs as Job[]).filter(Boolean).map(toFailedJob), total };
  }

  /** The failed job, or null when it is not (or no longer) in the failed set. */
  async failedJob(queue: string, jobId: string): Promise<FailedJob | null> {
    const job = await this.queue(queue).getJob(jobId);
    return job && (await job.isFailed()) ? toFailedJob(job as Job) : null;
  }

  /** Moves a failed job back to waiting with its attempts reset. */
  async retry(queue: string, jobId: string): Promise<void> {
    const job = await this.queue(queue).getJob(jobId);
    await job?.retry("failed", { resetAttemptsMade: true });
  }

  async discard(queue: string, jobId: string): Promise<void> {
    const job = await this.queue(queue).getJob(jobId);
    await job?.remove();
  }

  /** Names come checked against `names()` by the operations service; an unknown one is a bug. */
  private queue(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`no queue named ${name}`);
    return queue;
  }
}
