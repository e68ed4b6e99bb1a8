/** Work the API hands to the worker for later (delayed BullMQ jobs). */
export interface JobScheduler {
  /** Cancels the order at `at` if it is still unpaid then; scheduling twice for one order is harmless. */
  scheduleOrderExpiry(orderId: string, at: Date): Promise<void>;
}
