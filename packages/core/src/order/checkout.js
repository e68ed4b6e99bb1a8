import { ok } from "../result.js";
import { applyOrderEvent } from "./order.machine.js";
import { andThen } from "./order.js";
import { payWithWallet } from "./order.settlement.js";
import { intentCallFor, placeOrder } from "./place.js";
/** Payments taken at placement (wallet debit, cash on delivery accepted) are the system's doing, not the shopper's. */
const checkoutActor = { kind: "system", process: "checkout" };
/**
 * Checkout's whole decision: place the order, then take what placement can take at once — a wallet
 * order is paid from `walletBalance` (loaded only for wallet orders) and confirmed, a cash-on-delivery
 * order is accepted and confirmed; a card order waits for the provider (its intent is the
 * transition's `afterCommit`). The guarded writes of the effects still have the last word.
 */
export function checkout(input) {
    const placed = placeOrder(input);
    if (!placed.ok)
        return placed;
    const context = { actor: checkoutActor, now: input.now, settings: input.settings };
    switch (input.paymentMethod) {
        case "wallet": {
            const balance = input.walletBalance;
            if (!balance)
                throw new Error("a wallet checkout needs the wallet's balance");
            return andThen(placed.value, (order) => payWithWallet(order, { ...context, balance }));
        }
        case "cod":
            return andThen(placed.value, (order) => applyOrderEvent(order, { type: "confirm" }, context));
        case "card":
            return ok(placed.value);
    }
}
/**
 * The provider calls a checkout's answer needs, for a placement replayed later: a card order that
 * has its intent, or still awaits payment of a non-zero total, answers with that intent's client
 * secret (the call's idempotency key finds the same intent); any other order needs none.
 */
export function replayedCheckoutCalls(order) {
    if (order.payment.method !== "card")
        return [];
    const payable = order.payment.providerIntentId !== null || (order.status === "pending_payment" && order.total.minor > 0);
    return payable ? [intentCallFor(order)] : [];
}
const placedByCheckout = (actor) => actor.kind === "system" && actor.process === checkoutActor.process;
/**
 * The status an order reached in the checkout that placed it (confirmed for wallet and cash on
 * delivery), whatever happened to it since: a replayed checkout answers with it, as the first did.
 */
export function statusAtPlacement(order) {
    let status = "pending_payment";
    for (const entry of order.history) {
        if (entry.kind === "status" && (entry.event === "place" || placedByCheckout(entry.actor)))
            status = entry.to;
    }
    return status;
}
//# sourceMappingURL=checkout.js.map