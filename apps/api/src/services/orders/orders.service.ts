import { applyOrderEvent, availableEvents, receiptOf, returnableByLine, returnsSummary, type Actor, type Order, type OrderEvent, type PageRequest, type User } from "@bbscart/core";
import type { returnRequestInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { AppError, type CommerceDeps, loadSettings, notFound, refused } from "../common/index.js";
import { providerCalls } from "./provider-calls.js";
import { decide } from "./decide.js";
import { shownOrder } from "./shown.js";

const shopper = (user: User): Actor => ({ kind: "shopper", userId: user.id });
const owns = (user: User) => (order: Order) => order.userId === user.id;

/** A row of "my orders". */
function summaryOf(order: Order) {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    paymentStatus: order.payment.status,
    paymentMethod: order.payment.method,
    total: order.total,
    placedAt: order.placedAt,
    itemCount: order.lines.reduce((count, line) => count + line.quantity, 0),
    firstItem: order.lines[0]?.name ?? null,
  };
}

/**
 * The shopper's side of their orders: list, detail with its timeline and the actions open to
 * them, cancel and return. Object-level: someone else's order is not found. Changes go through
 * `decide` with core's state machine and the shopper as actor; money and stock move as core says.
 */
export function ordersService(deps: CommerceDeps) {
  const { db, clock } = deps;

  async function detail(user: User, order: Order) {
    const settings = await loadSettings(db.repos);
    return {
      ...shownOrder(order),
      receipt: receiptOf(order),
      returned: returnsSummary(order),
      returnable: returnableByLine(order),
      actions: availableEvents(order, { actor: shopper(user), now: clock.now(), settings }),
    };
  }

  async function act(user: User, orderId: string, event: OrderEvent) {
    const decided = await decide(db, orderId, {
      now: () => clock.now(),
      visible: owns(user),
      decision: async (order, repos) => applyOrderEvent(order, event, { actor: shopper(user), now: clock.now(), settings: await loadSettings(repos) }),
    });
    if (!decided.ok) throw refused(decided.error);
    deps.deliver(decided.value.outboxIds);
    await providerCalls(deps).run(decided.value.order, decided.value.afterCommit);
    return detail(user, decided.value.order);
  }

  /**
   * The client secret for paying (again) a card order still awaiting payment, e.g. after a declined
   * card: the attached intent's, or one created under the key placement uses, so never a second intent.
   */
  async function paymentOf(order: Order): Promise<{ clientSecret: string }> {
    if (order.payment.method !== "card") {
      throw refused({ code: "NOT_A_CARD_ORDER", method: order.payment.method });
    }
    if (order.status !== "pending_payment") {
      throw refused({ code: "NOT_AWAITING_PAYMENT", status: order.status });
    }
    return { clientSecret: await providerCalls(deps).orderClientSecret(order) };
  }

  /**
   * Checks what Razorpay Checkout handed the shopper's browser (the payment id and its signature
   * over our attached Razorpay Order) before the page says the payment went through. It changes
   * nothing: the webhook decides the order, and this answers with where the order stands now.
   */
  function verifyPaymentOf(order: Order, input: { paymentId: string; signature: string }) {
    const intentId = order.payment.method === "card" ? order.payment.providerIntentId : null;
    if (!intentId || !deps.provider.verifyCheckout({ intentId, paymentId: input.paymentId, signature: input.signature })) {
      throw new AppError("BAD_REQUEST", "Payment signature does not match a payment of this order", { field: "signature", reason: "PAYMENT_SIGNATURE_MISMATCH" });
    }
    return { verified: true as const, status: order.status, paymentStatus: order.payment.status };
  }

  /** One of the shopper's own orders; someone else's is not found. */
  async function mine(user: User, orderId: string): Promise<Order> {
    const order = await db.repos.orders.findById(orderId);
    if (!order || !owns(user)(order)) throw notFound("Order");
    return order;
  }

  return {
    async list(user: User, page: PageRequest) {
      const result = await db.repos.orders.listForUser(user.id, page);
      return { items: result.items.map(summaryOf), nextCursor: result.nextCursor };
    },

    byId: async (user: User, orderId: string) => detail(user, await mine(user, orderId)),

    payment: async (user: User, orderId: string) => paymentOf(await mine(user, orderId)),
    verifyPayment: async (user: User, input: { orderId: string; paymentId: string; signature: string }) => verifyPaymentOf(await mine(user, input.orderId), input),
    /** The payment steps for an order found another way (a guest's signed link or tracking). */
    paymentOf,
    verifyPaymentOf,

    /** Before shipping only (the state machine says when); stock is released and paid money returned. */
    cancel: (user: User, input: { orderId: string; reason: string }) => act(user, input.orderId, { type: "cancel", reason: input.reason }),

    /** Some units of some lines, within the return window after delivery; core refuses more units than are left. */
    requestReturn: (user: User, { orderId, lines, reason, note }: z.output<typeof returnRequestInput>) =>
      act(user, orderId, { type: "request_return", lines, reason, note }),
  };
}
