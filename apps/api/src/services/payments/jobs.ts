import type { CommerceDeps } from "../common/index.js";
import { processPaymentEvent } from "./process-event.js";
import { reconcilePayments } from "./reconcile.js";
import { relayPaymentEvents } from "./relay.js";

export type PaymentJobsDeps = Pick<CommerceDeps, "db" | "clock" | "ids" | "log" | "provider" | "deliver">;

/** The timings of the payments queue's work, from configuration. */
export interface PaymentJobsPolicy {
  /** A claim older than this belongs to a worker that died mid-event; another may take the event over. */
  claimStaleMs: number;
  /** How long an unprocessed event is left to its own job before the relay queues it again. */
  relayAfterMs: number;
  /** Past this many processing attempts an event waits for an admin. */
  relayMaxAttempts: number;
  /** How old a pending card order (or a pending card refund) is before reconciliation asks the provider. */
  reconcileAfterMs: number;
}

/** Orders reconciliation looks at per run and kind; the next run continues. */
const reconcileBatch = 100;

/**
 * What the `payments` queue's jobs do, each one service call: process a stored event, relay the
 * events whose jobs were lost (handing each to `enqueue` with its attempt count), reconcile with the provider.
 */
export function paymentJobs(deps: PaymentJobsDeps, policy: PaymentJobsPolicy) {
  return {
    processEvent: (eventId: string) => processPaymentEvent({ ...deps, claimStaleMs: policy.claimStaleMs }, eventId),
    relay: (enqueue: (eventId: string, attempt: number) => Promise<void>) =>
      relayPaymentEvents(
        { db: deps.db, clock: deps.clock, relayAfterMs: policy.relayAfterMs, claimStaleMs: policy.claimStaleMs, maxAttempts: policy.relayMaxAttempts },
        enqueue,
      ),
    reconcile: () => reconcilePayments(deps, { awaitingAfterMs: policy.reconcileAfterMs, limit: reconcileBatch }),
  };
}

export type PaymentJobs = ReturnType<typeof paymentJobs>;
