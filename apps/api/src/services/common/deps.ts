import type { Clock, DatabaseHandle, FileStorage, IdGenerator, PaymentProvider } from "@bbscart/core";
import type { JobScheduler } from "./job-scheduler.js";
import type { Logger } from "../../logger.js";

/** What the commerce services (catalog, cart, checkout, orders, wallet, reports) share. */
export interface CommerceDeps {
  db: DatabaseHandle;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  provider: PaymentProvider;
  jobs: JobScheduler;
  /** Rings the worker for committed outbox messages (by id) after a unit of work, without waiting; never throws (the outbox relay catches up). */
  deliver: (outboxIds: readonly string[]) => void;
  /** The shop's public address, for links in messages and provider return URLs. */
  publicUrl: string;
}

/** How the session cookies are set: services hand it to the HTTP edge, which sets them. */
export interface CookiePolicy {
  /** Over https the cookie is `Secure`; plain-http demos on localhost must work too. */
  secure: boolean;
  maxAgeDays: number;
}

/** The commerce dependencies plus where product images live. */
export type CatalogDeps = Pick<CommerceDeps, "db" | "clock" | "ids"> & { files: FileStorage };
