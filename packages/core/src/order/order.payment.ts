import { hasPermission, type Actor } from "../account/user.js";
import type { Money } from "../money/money.js";
import {
  capture,
  failRefundRecord,
  recordFailure,
  recordRefund,
  refundable,
  settleRefundRecord,
  type PaymentError,
  type PaymentMethod,
  type RefundDestination,
  type RefundRecord,
  type RefundSettlementError,
} from "../payment/payment.js";
import { err, ok, type Result } from "../result.js";
import { PLATFORM_ACCOUNTS, walletAccount, type AccountId } from "../wallet/accounts.js";
import { orderPaymentTransfer, refundTransfer } from "../wallet/transfer.js";
import { orderNotification, type Effect, type Order, type Transition } from "./order.js";

/** A wallet belongs to an account: a guest's order never reaches one (placement and refunds refuse it first). */
function ownerOf(userId: string | null): string {
  if (userId === null) throw new Error("a guest's order has no wallet");
  return userId;
}

/** Where a shopper's money comes from for each method. */
function paymentSource(method: PaymentMethod, userId: string | null): AccountId {
  if (method === "wallet") return walletAccount(ownerOf(userId));
  return method === "card" ? PLATFORM_ACCOUNTS.cardClearing : PLATFORM_ACCOUNTS.codReceivable;
}

/**
 * Books money taken for an order under capture reference `ref` (a payment intent, "wallet",
 * "cod"): payment status, a ledger transfer into sales, a timeline entry. The fulfilment
 * status is not touched; callers decide what the payment means for it. For cards the
 * reference is the payment intent, remembered so the money can be refunded there.
 */
export function captureOrderPayment(
  order: Order,
  input: { readonly amount: Money; readonly ref: string; readonly actor: Actor; readonly now: Date },
): Result<Transition, PaymentError> {
  const payment = capture(order.payment, input.amount, input.ref);
  if (!payment.ok) return payment;
  const providerIntentId = order.payment.providerIntentId ?? (order.payment.method === "card" ? input.ref : null);
  const transfer = orderPaymentTransfer({
    id: `order:${order.id}:capture:${input.ref}`,
    from: paymentSource(order.payment.method, order.userId),
    amount: input.amount,
    orderId: order.id,
    kind: order.payment.method === "cod" ? "cod_collection" : "order_payment",
    now: input.now,
  });
  return ok({
    order: {
      ...order,
      payment: { ...payment.value, providerIntentId },
      version: order.version + 1,
      history: [...order.history, { kind: "payment", at: input.now, actor: input.actor, event: "captured", amount: input.amount, note: input.ref }],
    },
    effects: [{ type: "post_transfers", transfers: [transfer] }],
    afterCommit: [],
  });
}

export interface RefundRequest {
  readonly refundId: string;
  readonly amount: Money;
  readonly destination: RefundDestination;
  readonly reason: string;
  readonly actor: Actor;
  readonly now: Date;
}

/** The provider's idempotency key for a refund: a retried call after a crash refunds once. */
export const refundProviderKey = (refundId: string): string => `refund:${refundId}`;

/** The ledger transfer and the shopper's notice for a refund whose money has moved. */
function refundPaidOut(order: Order, refund: RefundRecord, now: Date): Effect[] {
  const to = refund.destination === "wallet" ? walletAccount(ownerOf(order.userId)) : PLATFORM_ACCOUNTS.cardClearing;
  return [
    { type: "post_transfers", transfers: [refundTransfer({ refundId: refund.id, to, amount: refund.amount, orderId: order.id, now })] },
    orderNotification(order, "refund_issued", `refund:${refund.id}`, { amountMinor: String(refund.amount.minor), destination: refund.destination }),
  ];
}

/**
 * Records a refund in the payment (never beyond what was captured). To the wallet it is paid
 * out at once: posted to the ledger in the same unit of work. To the card it is two steps:
 * this decision reserves the amount and records the refund as `pending` (the order's
 * compare-and-set save is the guard against two admins refunding at once), asks the provider
 * after commit with an idempotency key derived from the refund id, and `settleRefund` books
 * it when the provider confirms.
 */
export function issueRefund(order: Order, request: RefundRequest): Result<Transition, PaymentError> {
  const intentId = order.payment.providerIntentId;
  if (request.destination === "card" && intentId === null) {
    return err({ code: "REFUND_DESTINATION_UNAVAILABLE", method: order.payment.method, destination: "card" });
  }
  // A guest has no wallet until their orders are claimed by an account (ADR 141).
  if (request.destination === "wallet" && order.userId === null) {
    return err({ code: "REFUND_DESTINATION_UNAVAILABLE", method: order.payment.method, destination: "wallet" });
  }
  const { refundId, amount, destination, reason, now } = request;
  const toCard = intentId !== null && destination === "card";
  const refund: RefundRecord = { id: refundId, amount, destination, reason, at: now, status: toCard ? "pending" : "succeeded", settledAt: toCard ? null : now };
  const payment = recordRefund(order.payment, refund);
  if (!payment.ok) return payment;
  const next: Order = {
    ...order,
    payment: payment.value,
    version: order.version + 1,
    history: [...order.history, { kind: "payment", at: now, actor: request.actor, event: "refunded", amount, note: reason }],
  };
  return ok({
    order: next,
    effects: toCard ? [] : refundPaidOut(next, refund, now),
    afterCommit: toCard ? [{ type: "refund", intentId, refundId, amount, idempotencyKey: refundProviderKey(refundId) }] : [],
  });
}

/**
 * The provider confirmed a pending card refund: it is booked in the ledger (refunds → card
 * clearing) and announced. A repeated confirmation changes nothing (the same order comes back).
 */
export function settleRefund(order: Order, input: { readonly refundId: string; readonly now: Date }): Result<Transition, RefundSettlementError> {
  const settled = settleRefundRecord(order.payment, input.refundId, input.now);
  if (!settled.ok) return settled;
  if (settled.value === "unchanged") return ok({ order, effects: [], afterCommit: [] });
  const next: Order = { ...order, payment: settled.value.payment, version: order.version + 1 };
  return ok({ order: next, effects: refundPaidOut(next, settled.value.refund, input.now), afterCommit: [] });
}

/**
 * The provider refused a pending card refund: the reservation is released (the amount may be
 * refunded again, to the card or the wallet) and the timeline says so. Nothing was booked, so
 * nothing is reversed.
 */
export function failRefund(
  order: Order,
  input: { readonly refundId: string; readonly reason: string; readonly actor: Actor; readonly now: Date },
): Result<Transition, RefundSettlementError> {
  const failed = failRefundRecord(order.payment, input.refundId, input.now);
  if (!failed.ok) return failed;
  if (failed.value === "unchanged") return ok({ order, effects: [], afterCommit: [] });
  const { payment, refund } = failed.value;
  const next: Order = {
    ...order,
    payment,
    version: order.version + 1,
    history: [...order.history, { kind: "payment", at: input.now, actor: input.actor, event: "failed", amount: refund.amount, note: `refund failed: ${input.reason}` }],
  };
  return ok({ order: next, effects: [], afterCommit: [] });
}

/**
 * Gives back everything still refundable to where it came from (cards to the card, wallet
 * and cash to the wallet). Used when a paid order is cancelled or a payment arrives late.
 */
export function refundInFull(order: Order, refundId: string, reason: string, actor: Actor, now: Date): Result<Transition, PaymentError> {
  const amount = refundable(order.payment);
  if (amount.minor === 0) return ok({ order, effects: [], afterCommit: [] });
  const destination: RefundDestination = order.payment.method === "card" ? "card" : "wallet";
  return issueRefund(order, { refundId, amount, destination, reason, actor, now });
}

export type RefundError = PaymentError | { readonly code: "NOT_ALLOWED"; readonly permission: "refunds.issue" };

/** An admin's refund (partial or full): needs the `refunds.issue` permission. */
export function refundOrder(order: Order, request: RefundRequest): Result<Transition, RefundError> {
  if (!hasPermission(request.actor, "refunds.issue")) return err({ code: "NOT_ALLOWED", permission: "refunds.issue" });
  return issueRefund(order, request);
}

/**
 * A declined or abandoned card attempt. Remembered on the timeline and announced to the
 * shopper; the order stays `pending_payment` and payable until it is cancelled or expires.
 */
export function recordPaymentFailure(
  order: Order,
  input: { readonly reason: string; readonly providerRef: string | null; readonly actor: Actor; readonly now: Date },
): Transition {
  const next: Order = {
    ...order,
    payment: recordFailure(order.payment, { at: input.now, reason: input.reason, providerRef: input.providerRef }),
    version: order.version + 1,
    history: [...order.history, { kind: "payment", at: input.now, actor: input.actor, event: "failed", amount: null, note: input.reason }],
  };
  const attempt = String(next.payment.failedAttempts.length);
  return { order: next, effects: [orderNotification(next, "payment_failed", `payment_failed:${attempt}`, { reason: input.reason })], afterCommit: [] };
}
