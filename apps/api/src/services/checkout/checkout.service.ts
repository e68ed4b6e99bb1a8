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
  couponHolders,
  type Address,
  type Cart,
  type GuestContact,
  type Order,
  type OrderBuyer,
  type OrderStatus,
  type PaymentMethod,
  type ProviderCall,
  type Repositories,
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
/**
 * Who is checking out, as the placement needs it: an account (its cart, saved addresses, wallet)
 * or a guest (a cookie cart or the body's lines, the address given, a contact — ADR 141).
 */
export interface Buyer {
  /** Whose idempotency keys: the account id, or `guest:<email>` for a guest. */
  readonly keyOwner: string;
  readonly userId: string | null;
  readonly guest: GuestContact | null;
  /** `couponHolders`: whom a once-per-customer coupon counts. */
  readonly couponHolders: readonly string[];
  /** The cart to place; `stored` carts are emptied by the placement, one given in the request is not stored. */
  readonly cart: (repos: Repositories) => Promise<{ cart: Cart; stored: boolean } | null>;
  readonly address: (repos: Repositories) => Address | null;
}

/** What the fingerprint reads of a checkout's body; a guest's contact and lines are part of their request. */
export interface CheckoutBody {
  readonly addressId?: string | undefined;
  readonly address?: unknown;
  readonly deliveryOptionId: string;
  readonly paymentMethod: PaymentMethod;
  readonly idempotencyKey: string;
  readonly guest?: unknown;
  /** A business purchase's GSTIN and name, printed on its invoice. */
  readonly buyer?: OrderBuyer | null | undefined;
}

export function checkoutService(deps: CommerceDeps) {
  const { db, clock, ids } = deps;

  /** The signed-in shopper as a buyer: their own cart, one of their saved addresses or a new one. */
  function account(user: User, input: PlaceOrderInput): Buyer {
    return {
      keyOwner: user.id,
      userId: user.id,
      guest: null,
      couponHolders: couponHolders({ userId: user.id, email: user.email, phone: user.phone }),
      cart: async (repos) => {
        const cart = await repos.carts.findByUser(user.id);
        return cart && { cart, stored: true };
      },
      address: () => (input.address ? { id: ids.next(), ...input.address } : (user.addresses.find((a) => a.id === input.addressId) ?? null)),
    };
  }

  const placeOnce = (buyer: Buyer, input: CheckoutBody) =>
    transact(db.uow, async (repos): Promise<Result<Placed, OrderRefusal | CheckoutRefusal>> => {
      const now = clock.now();
      const found = await buyer.cart(repos);
      const cart = found?.cart ?? null;
      const fingerprint = checkoutFingerprint(input, found?.stored === false ? null : cart);
      const record = await repos.idempotency.find(buyer.keyOwner, "place_order", input.idempotencyKey);
      if (record) {
        if (now.getTime() - record.createdAt.getTime() >= keyLifetimeMs) return err({ code: "IDEMPOTENCY_KEY_EXPIRED" });
        const replay = replayOf(record, replayFingerprint(fingerprint, record.requestHash, !cart || cart.lines.length === 0 || !found?.stored));
        if (!replay.ok) return err({ code: "IDEMPOTENCY_KEY_REUSED", what: "checkout" });
        const order = await repos.orders.findById(replay.value);
        if (!order) throw new Error(`idempotency key ${record.key} names a missing order ${replay.value}`);
        return ok({ order, outboxIds: [], afterCommit: replayedCheckoutCalls(order) });
      }
      const address = buyer.address(repos);
      if (!address) return err({ code: "ADDRESS_NOT_FOUND" });
      // A saved address from before the PIN and state rules (ADR 140) is fixed first, not shipped to.
      const fixes = addressFixes(address);
      if (fixes.length > 0) return err({ code: "ADDRESS_NEEDS_FIX", fixes });
      if (!cart) return err({ code: "EMPTY_CART" });
      const { review, settings, entries } = await reviewStoredCart(repos, cart, { userId: buyer.userId, deliveryOptionId: input.deliveryOptionId, now });
      if (review.problems.length > 0) return err({ code: "CART_NEEDS_ATTENTION", problems: review.problems });
      const walletBalance = input.paymentMethod === "wallet" && buyer.userId !== null ? await repos.ledger.balance(walletAccount(buyer.userId), settings.currency) : null;
      const decided = checkout({
        orderId: ids.next(),
        // Allocated in this unit of work: a refused checkout rolls it back, so numbers stay consecutive.
        orderNumber: orderNumber(await repos.orders.nextNumber()),
        userId: buyer.userId,
        guest: buyer.guest,
        couponHolders: buyer.couponHolders,
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
      // Wallet and cash-on-delivery orders are confirmed at placement: their invoice is numbered in this unit of
      // work, from the settings and catalog entries the review read (stock moved since; codes and names did not).
      await issueTaxDocuments(repos, { before: null, after: order }, now, { settings, entries });
      await repos.idempotency.claim({
        userId: buyer.keyOwner,
        scope: "place_order",
        key: input.idempotencyKey,
        requestHash: fingerprint,
        resultId: order.id,
        createdAt: now,
        openSince: null,
      });
      if (found?.stored) await repos.carts.delete(cart.id);
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

  /** Places `buyer`'s order from `input` and answers with its receipt (the same for every replay of the key). */
  async function placeFor(buyer: Buyer, input: CheckoutBody): Promise<Receipt> {
    let outcome: Result<Placed, OrderRefusal | CheckoutRefusal> | undefined;
    // Two first submits racing on MongoDB: the loser's claim hits the unique key, and its retry replays.
    for (let attempt = 0; !outcome; attempt++) {
      try {
        outcome = await placeOnce(buyer, input);
      } catch (error) {
        if (attempt > 0 || !isDuplicateKey(error, "idempotency_keys.user_scope_key")) throw error;
      }
    }
    if (!outcome.ok) throw refused(outcome.error);
    const { order, outboxIds, afterCommit } = outcome.value;
    deps.deliver(outboxIds);
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
  }

  return {
    place: (user: User, input: PlaceOrderInput): Promise<Receipt> => placeFor(account(user, input), input),
    placeFor,
  };
}
