import {
  andThen,
  applyOrderEvent,
  err,
  isDuplicateKey,
  ok,
  payWithWallet,
  placeOrder,
  replayOf,
  transact,
  walletAccount,
  type Actor,
  type Address,
  type CartProblem,
  type Order,
  type OrderStatus,
  type Repositories,
  type Result,
  type StoreSettings,
  type Transition,
  type User,
} from "@bbscart/core";
import type { placeOrderInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { AppError } from "./app-error.js";
import { reviewStoredCart } from "./cart/review.js";
import { providerCalls } from "./orders/provider-calls.js";
import { checkoutFingerprint, replayFingerprint } from "./checkout/fingerprint.js";
import { orderRefusal, type OrderRefusal } from "./orders/refusals.js";
import type { CommerceDeps } from "./commerce-deps.js";
import { applyEffects } from "./orders/effects.js";

export type PlaceOrderInput = z.output<typeof placeOrderInput>;

/** How long a checkout's idempotency key replays its first answer. */
const keyLifetimeMs = 24 * 3_600_000;
/** Payments taken at placement (wallet debit, cash on delivery accepted) are the system's doing, not the shopper's. */
const checkoutActor: Actor = { kind: "system", process: "checkout" };

interface Placed {
  order: Order;
  outboxIds: readonly string[];
}

/** What a checkout answers, the same for every replay of its key: nothing in it changes after placement. */
export interface Receipt {
  orderId: string;
  /** The status the order reached when it was placed (confirmed for wallet and cash on delivery). */
  status: OrderStatus;
  paymentMethod: Order["payment"]["method"];
  total: Order["total"];
  placedAt: Date;
  /** For card orders: what the browser completes the payment with. */
  clientSecret: string | null;
}

function statusAtPlacement(order: Order): OrderStatus {
  let status: OrderStatus = "pending_payment";
  for (const entry of order.history) {
    if (entry.kind === "status" && entry.at.getTime() === order.placedAt.getTime()) status = entry.to;
  }
  return status;
}

function cartProblemsError(problems: readonly CartProblem[]): AppError {
  if (problems.some((p) => p.code === "DELIVERY_OPTION_UNAVAILABLE")) {
    return new AppError("BAD_REQUEST", "deliveryOptionId is not a delivery option of this store", { field: "deliveryOptionId" });
  }
  const codes = [...new Set(problems.map((p) => p.code))];
  return new AppError("PRECONDITION_FAILED", `Your cart needs attention before checkout (${codes.join(", ")})`, { reason: codes[0] });
}

/** Wallet orders are paid and cash-on-delivery orders accepted in the same unit of work; card orders wait for the provider. */
async function takePayment(repos: Repositories, placed: Transition, settings: StoreSettings, now: Date) {
  const order = placed.order;
  const context = { actor: checkoutActor, now, settings };
  if (order.payment.method === "wallet") {
    const balance = await repos.ledger.balance(walletAccount(order.userId), order.currency);
    return andThen(placed, (o) => payWithWallet(o, { ...context, balance }));
  }
  if (order.payment.method === "cod") return andThen(placed, (o) => applyOrderEvent(o, { type: "confirm" }, context));
  return ok(placed);
}

/**
 * Checkout. One unit of work re-checks the cart, places the order (core `placeOrder`),
 * reserves stock, redeems the coupon and takes wallet money through the guarded writes, claims
 * the idempotency key and empties the cart; any refusal rolls all of it back. Provider calls,
 * notifications and the expiry job follow the commit.
 */
export function checkoutService(deps: CommerceDeps) {
  const { db, clock, ids } = deps;

  function resolveAddress(user: User, input: PlaceOrderInput): Address {
    if (input.address) return { id: ids.next(), ...input.address };
    const saved = user.addresses.find((a) => a.id === input.addressId);
    if (!saved) throw new AppError("NOT_FOUND", "addressId is not one of your addresses", { field: "addressId" });
    return saved;
  }

  const placeOnce = (user: User, input: PlaceOrderInput) =>
    transact(db.uow, async (repos): Promise<Result<Placed, OrderRefusal>> => {
      const now = clock.now();
      const cart = await repos.carts.findByUser(user.id);
      const fingerprint = checkoutFingerprint(input, cart);
      const record = await repos.idempotency.find(user.id, "place_order", input.idempotencyKey);
      if (record) {
        if (now.getTime() - record.createdAt.getTime() >= keyLifetimeMs) {
          throw new AppError("CONFLICT", "idempotencyKey has expired; start a new checkout", { field: "idempotencyKey", reason: "IDEMPOTENCY_KEY_EXPIRED" });
        }
        const replay = replayOf(record, replayFingerprint(fingerprint, record.requestHash, !cart || cart.lines.length === 0));
        if (!replay.ok) {
          throw new AppError("CONFLICT", "idempotencyKey was already used for a different checkout", { field: "idempotencyKey", reason: replay.error.code });
        }
        const order = await repos.orders.findById(replay.value);
        if (!order) throw new Error(`idempotency key ${record.key} names a missing order ${replay.value}`);
        return ok({ order, outboxIds: [] });
      }
      const address = resolveAddress(user, input);
      if (!cart) return err({ code: "EMPTY_CART" });
      const { review, settings } = await reviewStoredCart(repos, cart, { userId: user.id, deliveryOptionId: input.deliveryOptionId, now });
      if (review.problems.length > 0) throw cartProblemsError(review.problems);
      const placed = placeOrder({
        orderId: ids.next(),
        userId: user.id,
        totals: review.totals,
        address,
        paymentMethod: input.paymentMethod,
        idempotencyKey: input.idempotencyKey,
        now,
        settings,
      });
      if (!placed.ok) return placed;
      const paid = await takePayment(repos, placed.value, settings, now);
      if (!paid.ok) return paid;
      // The only provider call placement asks for is a card order's intent, which `clientSecretFor` makes.
      const { order, effects } = paid.value;
      await repos.orders.create(order);
      const applied = await applyEffects(repos, effects, { now, currency: order.currency });
      if (!applied.ok) return applied;
      await repos.idempotency.claim({
        userId: user.id,
        scope: "place_order",
        key: input.idempotencyKey,
        requestHash: fingerprint,
        resultId: order.id,
        createdAt: now,
      });
      await repos.carts.delete(cart.id);
      return ok({ order, outboxIds: applied.value.outboxIds });
    });

  /** The card payment's client secret, for an order placed now or replayed: its attached intent's, or its new intent's. */
  async function clientSecretFor({ order }: Placed): Promise<string | null> {
    if (order.payment.method !== "card") return null;
    // A replay that arrives before the first request attached its intent asks with the same key.
    const payable = order.payment.providerIntentId !== null || (order.status === "pending_payment" && order.total.minor > 0);
    return payable ? providerCalls(deps).orderClientSecret(order) : null;
  }

  return {
    async place(user: User, input: PlaceOrderInput): Promise<Receipt> {
      let outcome: Result<Placed, OrderRefusal> | undefined;
      // Two first submits racing on MongoDB: the loser's claim hits the unique key, and its retry replays.
      for (let attempt = 0; !outcome; attempt++) {
        try {
          outcome = await placeOnce(user, input);
        } catch (error) {
          if (attempt > 0 || !isDuplicateKey(error, "idempotency_keys.user_scope_key")) throw error;
        }
      }
      if (!outcome.ok) throw orderRefusal(outcome.error);
      const { order } = outcome.value;
      await deps.deliver(outcome.value.outboxIds);
      if (order.status === "pending_payment" && order.expiresAt) await deps.jobs.scheduleOrderExpiry(order.id, order.expiresAt);
      return {
        orderId: order.id,
        status: statusAtPlacement(order),
        paymentMethod: order.payment.method,
        total: order.total,
        placedAt: order.placedAt,
        clientSecret: await clientSecretFor(outcome.value),
      };
    },
  };
}
