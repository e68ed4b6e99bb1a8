/**
 * One delivery job for an outbox message. `generation` 0 is the job queued after the commit; a
 * revival or an admin's retry queues generation `attempts`, a job id the queue has not seen (the old
 * one may sit in its failed set, where adding the same id again would add nothing).
 */
export interface OutboxJob {
  readonly outboxId: string;
  readonly generation: number;
}

/** Work the API hands to the worker (BullMQ jobs). */
export interface JobScheduler {
  /** Cancels the order at `at` if it is still unpaid then; scheduling twice for one order is harmless. */
  scheduleOrderExpiry(orderId: string, at: Date): Promise<void>;
  /** Queues committed outbox messages for delivery; queueing one twice is harmless. */
  enqueueNotifications(outboxIds: readonly string[]): Promise<void>;
  /** Queues delivery jobs of any generation (a failed message retried); queueing one twice is harmless. */
  enqueueNotificationJobs(jobs: readonly OutboxJob[]): Promise<void>;
  /** Queues a stored payment webhook event for processing; queueing one twice is harmless. */
  enqueuePaymentEvent(eventId: string): Promise<void>;
}
