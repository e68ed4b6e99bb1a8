/** Work the API hands to the worker (BullMQ jobs). */
export interface JobScheduler {
  /** Cancels the order at `at` if it is still unpaid then; scheduling twice for one order is harmless. */
  scheduleOrderExpiry(orderId: string, at: Date): Promise<void>;
  /** Queues committed outbox messages for delivery; queueing one twice is harmless. */
  enqueueNotifications(outboxIds: readonly string[]): Promise<void>;
  /** Queues a stored payment webhook event for processing; queueing one twice is harmless. */
  enqueuePaymentEvent(eventId: string): Promise<void>;
}
