/**
 * The drill's load: virtual shoppers and admins spread over both API processes, and the log of
 * every response acknowledged to them — the promises the checks hold the shop to afterwards.
 *
 * Shoppers check out by wallet and by sandbox card (succeeding, declined then paid again with the
 * failure's webhook held back until after the success, 3-D Secure; on the Razorpay-flavoured
 * sandbox half of them by UPI), abandon or cancel card orders, see the provider cancel an order's
 * intent, and top their wallets up by card — some of those payments' webhooks lost for good.
 * Admins move orders along (pack → ship → deliver, cancels, returns), refund partially and in full
 * to the wallet and the card, and credit and debit wallets — including debits larger than the
 * balance, which the shop must refuse.
 */
import { setTimeout as delay } from "node:timers/promises";
import { ADDRESS } from "../../bench/lib/store.mjs";
import { DrillClient } from "./client.mjs";

export const SHOPPER_PASSWORD = "drill-shopper-password-1";
const CARDS = { succeeds: "4242 4242 4242 4242", declines: "4000 0000 0000 0002", threeDSecure: "4000 0025 0000 3155" };
/** Razorpay's test UPI ids, which its sandbox page approves or declines. */
const UPI = { succeeds: "success@razorpay", declines: "failure@razorpay" };
/** The share of card top-ups whose webhooks the relay loses for good. */
const LOST_TOP_UP_SHARE = 0.4;

/**
 * The acknowledged responses, by kind. Nothing enters here unless a client got a 2xx answer.
 * @typedef {{
 *   orders: { orderId: string; userId: string; idempotencyKey: string; paymentMethod: string; totalMinor: number; status: string; at: number }[];
 *   cardPayments: { orderId: string; intentId: string }[];
 *   topUps: { userId: string; key: string; intentId: string; amountMinor: number }[];
 *   providerCancels: { orderId: string; intentId: string }[];
 *   shopperCancels: { orderId: string }[];
 *   transitions: { orderId: string; event: string; status: string }[];
 *   refunds: { orderId: string; refundId: string; amountMinor: number; destination: string; status: string }[];
 *   adjustments: { userId: string; amountMinor: number; idempotencyKey: string; transferId: string; label: string }[];
 * }} AckLog
 * @returns {AckLog}
 */
export function newAckLog() {
  return { orders: [], cardPayments: [], topUps: [], providerCancels: [], shopperCancels: [], transitions: [], refunds: [], adjustments: [] };
}

export function newStats() {
  return { requests: 0, retries: 0, failures: {}, gaveUp: {}, refused: {}, actions: {} };
}

const count = (bucket, key) => (bucket[key] = (bucket[key] ?? 0) + 1);

/** The intent a client secret names: Stripe's `pi_…_secret_…`, or the Razorpay Order id itself. */
const intentIdOf = (clientSecret) => clientSecret.split("_secret_")[0];

function pickWeighted(random, weights) {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (const [key, weight] of Object.entries(weights)) {
    r -= weight;
    if (r < 0) return key;
  }
  return Object.keys(weights)[0];
}

/** One shopper's session: its cart, its key counter, its client. */
class Shopper {
  constructor(ctx, account, index) {
    this.ctx = ctx;
    this.account = account;
    this.client = new DrillClient({ apis: ctx.apis, home: index, stats: ctx.stats, login: (c) => ctx.signIn(c, account.email) });
    this.client.token = account.token;
    this.keys = 0;
    this.cart = new Set();
  }

  key() {
    return `drill-${this.account.userId.slice(-8)}-${++this.keys}-${Math.floor(this.ctx.random() * 1e9)}`;
  }

  refused(label, outcome) {
    count(this.ctx.stats.refused, `${label}: ${outcome.refused.reason ?? outcome.refused.status}`);
  }

  async fillCart() {
    const { random, variants } = this.ctx;
    const lines = 1 + Math.floor(random() * 2);
    const scarce = variants.slice(0, variants.length / 2);
    const plentiful = variants.slice(variants.length / 2);
    for (let i = 0; i < lines; i++) {
      // One line in four races for the scarce units; the rest keep orders coming once those are gone.
      const from = random() < 0.25 ? scarce : plentiful;
      const variant = from[Math.floor(random() * from.length)];
      const added = await this.client.mutate("cart.add", { variantId: variant.id, quantity: 1 + Math.floor(random() * 3) });
      if (added.ok) this.cart.add(variant.id);
      else if (added.refused) this.refused("cart.add", added);
    }
    return this.cart.size > 0;
  }

  async emptyCart() {
    for (const variantId of this.cart) await this.client.mutate("cart.remove", { variantId });
    this.cart.clear();
  }

  /** `order.place`, retried with the same idempotency key until answered; the receipt is logged. */
  async place(paymentMethod) {
    if (!(await this.fillCart())) return null;
    const idempotencyKey = this.key();
    const placed = await this.client.mutate("order.place", { address: ADDRESS, deliveryOptionId: "standard", paymentMethod, idempotencyKey });
    if (!placed.ok) {
      if (placed.refused) this.refused("order.place", placed);
      // Refused (out of stock, wallet too short) or never answered: start the next checkout afresh.
      await this.emptyCart();
      return null;
    }
    this.cart.clear();
    const receipt = placed.value;
    this.ctx.acks.orders.push({
      orderId: receipt.orderId,
      userId: this.account.userId,
      idempotencyKey,
      paymentMethod,
      totalMinor: receipt.total.minor,
      status: receipt.status,
      at: Date.now(),
    });
    return receipt;
  }

  /**
   * Pays on the sandbox page as the browser does: by card, or — on the Razorpay-flavoured sandbox,
   * one time in two — by UPI with the test id that has the same outcome (3-D Secure is a card's).
   */
  async payOnPage(clientSecret, returnUrl, outcome) {
    const upi = this.ctx.provider === "razorpay" && outcome !== "threeDSecure" && this.ctx.random() < 0.5;
    const paid = upi
      ? await this.client.payByUpi(clientSecret, returnUrl, UPI[outcome])
      : await this.client.payByCard(clientSecret, returnUrl, CARDS[outcome]);
    count(this.ctx.stats.actions, `paid by ${upi ? "UPI" : "card"}`);
    if (!paid.ok) return "unknown";
    return paid.value.status;
  }

  pay(receipt, outcome) {
    return this.payOnPage(receipt.clientSecret, `/orders/${receipt.orderId}?paid=1`, outcome);
  }

  /** Tops the wallet up by card; for some top-ups the relay loses every webhook, so only reconciliation can credit them. */
  async topUp() {
    const { random, relay, acks } = this.ctx;
    const amountMinor = 1_000 * (1 + Math.floor(random() * 50));
    const key = this.key();
    const started = await this.client.mutate("wallet.topUp", { amountMinor, idempotencyKey: key });
    if (!started.ok) {
      if (started.refused) this.refused("wallet.topUp", started);
      return;
    }
    const { clientSecret } = started.value;
    const intentId = intentIdOf(clientSecret);
    const lost = random() < LOST_TOP_UP_SHARE;
    count(this.ctx.stats.actions, lost ? "top-up: webhook lost" : "top-up");
    if (lost) relay.dropEventsOf(intentId);
    if ((await this.payOnPage(clientSecret, "/wallet", "succeeds")) === "succeeded") acks.topUps.push({ userId: this.account.userId, key, intentId, amountMinor });
  }

  async cardCheckout() {
    let receipt = await this.place("card");
    if (!receipt?.clientSecret) return;
    const intentId = intentIdOf(receipt.clientSecret);
    const flavour = pickWeighted(this.ctx.random, {
      succeeds: 5,
      declinedThenPaid: 3,
      threeDSecure: 2,
      abandoned: 1,
      cancelled: 1,
      providerCancelled: this.ctx.relay.cancels ? 1 : 0,
    });
    count(this.ctx.stats.actions, `card: ${flavour}`);
    if (flavour === "abandoned") return;
    if (flavour === "providerCancelled") {
      // The provider cancels the intent (and says so): the order must let its stock go at once.
      const metadata = { bbscart_kind: "order", bbscart_id: receipt.orderId, bbscart_customer: this.account.userId };
      const told = await this.ctx.relay.cancelIntent({ intentId, amountMinor: receipt.total.minor, currency: receipt.total.currency ?? "INR", metadata });
      if (told) this.ctx.acks.providerCancels.push({ orderId: receipt.orderId, intentId });
      return;
    }
    if (flavour === "cancelled") {
      const cancelled = await this.client.mutate("order.cancel", { orderId: receipt.orderId, reason: "changed my mind" });
      if (cancelled.ok) this.ctx.acks.shopperCancels.push({ orderId: receipt.orderId });
      else if (cancelled.refused) this.refused("order.cancel", cancelled);
      return;
    }
    if (flavour === "declinedThenPaid") {
      // The decline's webhook reaches the shop only after the success's (see webhooks.mjs).
      this.ctx.relay.holdFailuresOf(intentId);
      if ((await this.pay(receipt, "declines")) !== "failed") return;
      const again = await this.client.mutate("order.payment", { orderId: receipt.orderId });
      if (!again.ok) return;
      receipt = { ...receipt, clientSecret: again.value.clientSecret };
    }
    const status = await this.pay(receipt, flavour === "threeDSecure" ? "threeDSecure" : "succeeds");
    if (status === "succeeded") this.ctx.acks.cardPayments.push({ orderId: receipt.orderId, intentId });
  }

  async run(until) {
    while (Date.now() < until) {
      const action = pickWeighted(this.ctx.random, { wallet: 5, card: 5, topUp: 2 });
      if (action === "topUp") await this.topUp();
      else {
        count(this.ctx.stats.actions, action === "wallet" ? "wallet checkout" : "card checkout");
        if (action === "wallet") await this.place("wallet");
        else await this.cardCheckout();
      }
      await delay(this.ctx.pauseMs * this.ctx.random());
    }
  }
}

/** One admin at the console: acts on orders the shoppers were told about, and on wallets. */
class Admin {
  constructor(ctx, token, index) {
    this.ctx = ctx;
    this.client = new DrillClient({ apis: ctx.apis, home: index, stats: ctx.stats, login: (c) => ctx.signIn(c, "admin@bbscart.local", ctx.adminPassword) });
    this.client.token = token;
    this.keys = 0;
  }

  async transition(order, event) {
    count(this.ctx.stats.actions, `admin ${event.type}`);
    const done = await this.client.mutate("admin.orders.transition", { orderId: order.id, event });
    if (done.ok) this.ctx.acks.transitions.push({ orderId: order.id, event: event.type, status: done.value.status });
    else if (done.refused) count(this.ctx.stats.refused, `admin.orders.transition ${event.type}: ${done.refused.reason ?? done.refused.status}`);
  }

  /** A refund carries its own key, so an unanswered one is repeated like any idempotent call and refunds once. */
  async refund(order, full) {
    const { random } = this.ctx;
    const left = order.refundable.minor;
    const amountMinor = full ? left : Math.max(1, Math.floor(left * (0.1 + random() * 0.3)));
    const destinations = order.refundDestinations;
    const destination = destinations[Math.floor(random() * destinations.length)];
    count(this.ctx.stats.actions, `admin refund ${full ? "full" : "partial"} to ${destination}`);
    const idempotencyKey = `drill-refund-${++this.keys}-${Math.floor(random() * 1e9)}`;
    const done = await this.client.mutate("admin.orders.refund", { orderId: order.id, amountMinor, destination, reason: "drill refund", idempotencyKey });
    if (done.ok) {
      const { refund } = done.value;
      this.ctx.acks.refunds.push({ orderId: order.id, refundId: refund.id, amountMinor: refund.amount.minor, destination: refund.destination, status: refund.status });
    } else if (done.refused) count(this.ctx.stats.refused, `admin.orders.refund: ${done.refused.reason ?? done.refused.status}`);
  }

  async adjust(userId, amountMinor, label) {
    const idempotencyKey = `drill-adj-${++this.keys}-${Math.floor(this.ctx.random() * 1e9)}`;
    count(this.ctx.stats.actions, `admin wallet ${label}`);
    const done = await this.client.mutate("admin.wallet.adjust", { userId, amountMinor, reason: `drill ${label}`, idempotencyKey });
    if (done.ok) this.ctx.acks.adjustments.push({ userId, amountMinor, idempotencyKey, transferId: done.value.transferId, label });
    else if (done.refused) count(this.ctx.stats.refused, `admin.wallet.adjust ${label}: ${done.refused.reason ?? done.refused.status}`);
  }

  async wallets() {
    const { random, shoppers } = this.ctx;
    const shopper = shoppers[Math.floor(random() * shoppers.length)].account;
    const kind = pickWeighted(random, { credit: 3, debit: 2, overdraw: 1 });
    if (kind === "credit") return this.adjust(shopper.userId, 50_000, "credit");
    if (kind === "debit") return this.adjust(shopper.userId, -2_000, "debit");
    // Far more than any wallet holds: the guarded debit must refuse it.
    return this.adjust(shopper.userId, -50_000_000, "overdraw");
  }

  async orders() {
    const { random, acks } = this.ctx;
    if (acks.orders.length === 0) return;
    const ack = acks.orders[Math.floor(random() * acks.orders.length)];
    const seen = await this.client.query("admin.orders.byId", { orderId: ack.orderId });
    if (!seen.ok) return;
    const order = seen.value;
    const may = new Set(order.availableEvents);
    const canRefund = order.refundable.minor > 0 && order.refundDestinations.length > 0;
    const choice = pickWeighted(random, {
      advance: 6,
      cancel: may.has("cancel") && order.status !== "pending_payment" ? 1 : 0,
      partialRefund: canRefund ? 1.5 : 0,
      fullRefund: canRefund ? 0.5 : 0,
    });
    if (choice === "cancel") return this.transition(order, { type: "cancel", reason: "drill: admin cancels" });
    if (choice === "partialRefund" || choice === "fullRefund") return this.refund(order, choice === "fullRefund");
    if (may.has("pack")) return this.transition(order, { type: "pack" });
    if (may.has("ship")) return this.transition(order, { type: "ship", carrier: "Drill Express", trackingNumber: `DRILL${Math.floor(random() * 1e8)}` });
    if (may.has("deliver")) return this.transition(order, { type: "deliver" });
    if (may.has("request_return")) {
      const lines = order.returnable.filter((line) => line.units > 0).map((line) => ({ variantId: line.variantId, quantity: Math.ceil(random() * line.units) }));
      return this.transition(order, { type: "request_return", lines, reason: "no_longer_needed", note: "drill: does not fit" });
    }
    if (may.has("approve_return")) {
      const open = order.returns.find((r) => r.status === "requested");
      const lines = open.lines.map((line, i) => ({ variantId: line.variantId, approve: i === 0 || random() < 0.5 }));
      return this.transition(order, { type: "approve_return", lines, destination: order.refundDestinations[0] ?? "wallet", override: null });
    }
    if (may.has("receive_return")) return this.transition(order, { type: "receive_return", restock: random() < 0.5 });
  }

  async run(until) {
    while (Date.now() < until) {
      if (this.ctx.random() < 0.25) await this.wallets();
      else await this.orders();
      await delay(this.ctx.pauseMs * this.ctx.random());
    }
  }
}

/**
 * Runs every shopper and admin until `until`; resolves when all have stopped. `ctx` carries the
 * APIs, the PRNG, the relay, the catalog variants, the signed-in accounts and the ack log.
 */
export async function runLoad(ctx, until) {
  ctx.shoppers = ctx.accounts.map((account, i) => new Shopper(ctx, account, i));
  const admins = ctx.adminTokens.map((token, i) => new Admin(ctx, token, i));
  await Promise.all([...ctx.shoppers.map((s) => s.run(until)), ...admins.map((a) => a.run(until))]);
}
