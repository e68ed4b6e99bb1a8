import type { Clock, DatabaseHandle, IdGenerator, PaymentProvider } from "@bbscart/core";
import type { JobScheduler } from "../jobs/scheduler.js";
import type { Logger } from "../logger.js";

/** What the commerce services (catalog, cart, checkout, orders, wallet, reports) share. */
export interface CommerceDeps {
  db: DatabaseHandle;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  provider: PaymentProvider;
  jobs: JobScheduler;
  /** Queues committed outbox messages (by id) for the worker after a unit of work; never throws (the outbox relay catches up). */
  deliver: (outboxIds: readonly string[]) => Promise<void>;
  /** The shop's public address, for links in messages and provider return URLs. */
  publicUrl: string;
}
