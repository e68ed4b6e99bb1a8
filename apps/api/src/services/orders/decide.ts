import { err, ok, transact, type DatabaseHandle, type Order, type ProviderCall, type Repositories, type Result, type Transition } from "@bbscart/core";
import type { DecideRefusal } from "../common/index.js";
import { issueTaxDocuments } from "../invoices/index.js";
import { applyEffects } from "./effects.js";

export interface Decided {
  order: Order;
  outboxIds: string[];
  /**
   * Whether the committed attempt saved a change (so `onSaved` ran in it). Returned from the unit of
   * work rather than noted by `onSaved`: a unit of work may run its callback again, and a flag set
   * by an attempt that rolled back would outlive it.
   */
  saved: boolean;
  /** Provider calls to make now that the decision is committed. */
  afterCommit: readonly ProviderCall[];
}

/** How many times a decision is re-made on fresh state after losing a compare-and-set race. */
const attempts = 3;

/**
 * Loads an order, lets core decide, and saves the decision with its effects in one unit of work. The
 * save is a compare-and-set on the order's version: if someone else decided first (an admin shipping
 * while the shopper cancels), the decision is made again on the fresh order — where it may now be
 * refused by the state machine, which is how exactly one of two racing actions wins.
 * `visible` is the object-level check: an order the caller may not see is simply not found.
 */
export async function decide<E>(
  db: DatabaseHandle,
  orderId: string,
  options: {
    now: () => Date;
    visible: (order: Order) => boolean;
    decision: (order: Order, repos: Repositories) => Result<Transition, E> | Promise<Result<Transition, E>>;
    /** Writes that belong with a saved decision (an admin's audit entry): same unit of work, only when it was saved. */
    onSaved?: (repos: Repositories, change: { before: Order; after: Order }) => Promise<void>;
  },
): Promise<Result<Decided, DecideRefusal<E>>> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const outcome = await transact(db.uow, async (repos): Promise<Result<Decided | "lost_race", DecideRefusal<E>>> => {
      const current = await repos.orders.findById(orderId);
      if (!current || !options.visible(current)) return err({ code: "ORDER_NOT_FOUND" });
      const decided = await options.decision(current, repos);
      if (!decided.ok) return decided;
      const { order, effects, afterCommit } = decided.value;
      if (order === current) return ok({ order, outboxIds: [], afterCommit, saved: false });
      if (!(await repos.orders.save(order, current.version))) return ok("lost_race");
      const applied = await applyEffects(repos, effects, { now: options.now(), currency: order.currency });
      if (!applied.ok) return applied;
      // The invoice of a payment confirmed, the credit note of a refund booked: in this same unit of work.
      await issueTaxDocuments(repos, { before: current, after: order }, options.now());
      await options.onSaved?.(repos, { before: current, after: order });
      return ok({ order, outboxIds: applied.value.outboxIds, afterCommit, saved: true });
    });
    if (!outcome.ok) return outcome;
    if (outcome.value !== "lost_race") return ok(outcome.value);
  }
  return err({ code: "ORDER_BUSY" });
}
