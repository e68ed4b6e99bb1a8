import {
  addressFixes,
  checkout,
  err,
  isDuplicateKey,
  ok,
  orderNumber,
  replayedCheckoutCalls,
  replayOf,
  statusAtPlacement,
  transact,
  walletAccount,
  type Address,
  type Order,
  type OrderStatus,
  type ProviderCall,
  type Result,
  type User,
} from "@bbscart/core";
import type { placeOrderInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { reviewStoredCart } from "../cart/index.js";
import { refused, type CheckoutRefusal, type CommerceDeps, type OrderRefusal } from "../common/index.js";
import { issueTaxDocuments } from "../invoices/index.js";
import { applyEffects, providerCalls } from "../orders/index.js";
import { checkoutFingerprint, replayFingerprint } from "./fingerprint.js";

export type PlaceOrderInput = z.output<typeof placeOrderInput>;

/** How long a checkout's idempotency key replays its first answer. */
const keyLifetimeMs = 24 * 3_600_000;

interface Placed {
  order: Order;
  outboxIds: readonly string[];
  /** What core asked of the provider for this answer (a card order's intent), placed now or replayed. */
  afterCommit: readonly ProviderCall[];
}

/** What a checkout answers, the same for every replay of its key: nothing in it changes after placement. */
export interface Receipt {
  orderId: string;
  /** What the shopper quotes: `BB-10423`. */
  orderNumber: string;
  /** The status the order reached when it was placed (confirmed for wallet and cash on delivery). */
  status: OrderStatus;
  paymentMethod: Order["payment"]["method"];
  total: Order["total"];
  placedAt: Date;
  /** For card orders: what the browser completes the payment with. */
  clientSecret: string | null;
}

/**
 * Checkout. One unit of work re-checks the cart, lets core decide the whole checkout (`checkout`:
 * placement, and the wallet payment or cash-on-delivery acceptance), reserves stock, redeems the
 * coupon and takes wallet money through the guarded writes, claims the idempotency key and empties
 * the cart; any refusal — a value, mapped once at the edge — rolls all of it back. Provider calls,
 * notifications and the expiry job follow the commit.
 */
export function checkoutService(deps: CommerceDeps) {
  const { db, clock, ids } = deps;

  function resolveAddress(user: User, input: PlaceOrderInput): Address | null {
    if (input.address) return { id: ids.next(), ...input.address };
    return user.addresses.find((a) => a.id === input.addressId) ?? null;
  }

  const placeOnce = (user: User, input: PlaceOrderInput) =>
    transact(db.uow, async (repos): Promise<Result<Placed, OrderRefusal | CheckoutRefusal>> => {
      const now = clock.now();
      const cart = await repos.carts.findByUser(user.id);
      const fingerprint = checkoutFingerprint(input, cart);
      const record = await repos.idempotency.find(user.id, "place_order", input.idempotencyKey);
      if (record) {
        if (now.getTime() - record.createdAt.getTime() >= keyLifetimeMs) return err({ code: "IDEMPOTENCY_KEY_EXPIRED" });
        const replay = replayOf(record, replayFingerprint(fingerprint, record.requestHash, !cart || cart.lines.length === 0));
        if (!replay.ok) return err({ code: "IDEMPOTENCY_KEY_REUSED", what: "checkout" });
        const order = await repos.orders.findById(replay.value);
        if (!order) throw new Error(`idempotency key ${record.key} names a missing order ${replay.value}`);
        return ok({ order, outboxIds: [], afterCommit: replayedCheckoutCalls(order) });
      }
      const address = resolveAddress(user, input);
      if (!address) return err({ code: "ADDRESS_NOT_FOUND" });
      // A saved address from before the PIN and state rules (ADR 140) is fixed first, not shipped to.
      const fixes = addressFixes(address);
      if (fixes.length > 0) return err({ code: "ADDRESS_NEEDS_FIX", fixes });
      if (!cart) return err({ code: "EMPTY_CART" });
      const { review, settings } = await reviewStoredCart(repos, cart, { userId: user.id, deliveryOptionId: input.deliveryOptionId, now });
      if (review.problems.length > 0) return err({ code: "CART_NEEDS_ATTENTION", problems: review.problems });
      const walletBalance = input.paymentMethod === "wallet" ? await repos.ledger.balance(walletAccount(user.id), settings.currency) : null;
      const decided = checkout({
        orderId: ids.next(),
        // Allocated in this unit of work: a refused checkout rolls it back, so numbers stay consecutive.
        orderNumber: orderNumber(await repos.orders.nextNumber()),
        userId: user.id,
        totals: review.totals,
        address,
        buyer: input.buyer ?? null,
        paymentMethod: input.paymentMethod,
        idempotencyKey: input.idempotencyKey,
        now,
        settings,
        walletBalance,
      });
      if (!decided.ok) return decided;
      const { order, effects, afterCommit } = decided.value;
      await repos.orders.create(order);
      const applied = await applyEffects(repos, effects, { now, currency: order.currency });
      if (!applied.ok) return applied;
      // Wallet and cash-on-delivery orders are confirmed at placement: their invoice is numbered in this unit of work.
      await issueTaxDocuments(repos, { before: null, after: order }, now);
      await repos.idempotency.claim({
        userId: user.id,
        scope: "place_order",
        key: input.idempotencyKey,
        requestHash: fingerprint,
        resultId: order.id,
        createdAt: now,
        openSince: null,
      });
      await repos.carts.delete(cart.id);
      return ok({ order, outboxIds: applied.value.outboxIds, afterCommit });
    });

  /**
   * The order is committed: a queue that cannot take its expiry job (Redis away) must not turn the
   * shopper's answer into an error. Reconciliation expires unpaid orders past their time anyway.
   */
  async function scheduleExpiry(orderId: string, at: Date): Promise<void> {
    try {
      await deps.jobs.scheduleOrderExpiry(orderId, at);
    } catch (error) {
      deps.log.warn({ err: error, orderId }, "order expiry not scheduled; reconciliation expires the order if it stays unpaid");
    }
  }

  return {
    async place(user: User, input: PlaceOrderInput): Promise<Receipt> {
      let outcome: Result<Placed, OrderRefusal | CheckoutRefusal> | undefined;
      // Two first submits racing on MongoDB: the loser's claim hits the unique key, and its retry replays.
      for (let attempt = 0; !outcome; attempt++) {
        try {
          outcome = await placeOnce(user, input);
        } catch (error) {
          if (attempt > 0 || !isDuplicateKey(error, "idempotency_keys.user_scope_key")) throw error;
        }
      }
      if (!outcome.ok) throw refused(outcome.error);
      const { order, outboxIds, afterCommit } = outcome.value;
      await deps.deliver(outboxIds);
      if (order.status === "pending_payment" && order.expiresAt) await scheduleExpiry(order.id, order.expiresAt);
      // The only provider call a checkout asks for is a card order's intent; its client secret is the answer's.
      const wantsIntent = afterCommit.some((call) => call.type === "create_intent");
      return {
        orderId: order.id,
        orderNumber: order.number,
        status: statusAtPlacement(order),
        paymentMethod: order.payment.method,
        total: order.total,
        placedAt: order.placedAt,
        clientSecret: wantsIntent ? await providerCalls(deps).orderClientSecret(order) : null,
      };
    },
  };
}
