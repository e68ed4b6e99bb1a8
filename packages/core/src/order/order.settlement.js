import { isCaptured, outstanding } from "../payment/payment.js";
import { err, ok } from "../result.js";
import { applyOrderEvent } from "./order.machine.js";
import { andThen } from "./order.js";
import { captureOrderPayment, refundInFull } from "./order.payment.js";
/**
 * The provider says money for this order was taken (a verified webhook, or reconciliation).
 * Safe to repeat and to receive out of order: a reference already captured changes nothing;
 * a pending order is confirmed once fully paid; money arriving for an order that was
 * cancelled meanwhile is refunded in full at once, so no shopper pays for nothing.
 */
export function recordPaymentSuccess(order, input) {
    if (isCaptured(order.payment, input.ref))
        return ok({ order, effects: [], afterCommit: [] });
    const captured = captureOrderPayment(order, input);
    if (!captured.ok)
        return captured;
    const paid = captured.value;
    if (paid.order.status === "cancelled") {
        return andThen(paid, (o) => refundInFull(o, `${order.id}:late:${input.ref}`, "payment arrived after cancellation", input.actor, input.now));
    }
    if (paid.order.status === "pending_payment" && outstanding(paid.order.payment).minor === 0) {
        return andThen(paid, (o) => applyOrderEvent(o, { type: "confirm" }, input));
    }
    return ok(paid);
}
/**
 * Pays a pending wallet order from the shopper's balance and confirms it. The balance check
 * here gives the shopper a clear answer; the guarded debit when the transfer is posted is
 * what actually prevents a negative wallet under concurrency.
 */
export function payWithWallet(order, input) {
    if (order.payment.method !== "wallet" || order.status !== "pending_payment") {
        return err({ code: "INVALID_TRANSITION", from: order.status, event: "confirm" });
    }
    const due = outstanding(order.payment);
    if (input.balance.minor < due.minor)
        return err({ code: "INSUFFICIENT_FUNDS", balance: input.balance, amount: due });
    return recordPaymentSuccess(order, { amount: due, ref: "wallet", actor: input.actor, now: input.now, settings: input.settings });
}
//# sourceMappingURL=order.settlement.js.map