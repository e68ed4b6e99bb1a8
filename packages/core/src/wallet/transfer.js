import { err, ok } from "../result.js";
import { PLATFORM_ACCOUNTS, walletAccount } from "./accounts.js";
export const TRANSFER_KINDS = ["top_up", "order_payment", "cod_collection", "refund", "adjustment", "reversal"];
/** Shape rules for any transfer: positive amount, two different accounts, ledger currency. */
export function checkTransfer(transfer, currency) {
    const invalid = (reason) => err({ code: "INVALID_TRANSFER", transferId: transfer.id, reason });
    if (!Number.isSafeInteger(transfer.amount.minor) || transfer.amount.minor <= 0)
        return invalid("non_positive_amount");
    if (transfer.debit === transfer.credit)
        return invalid("same_account");
    if (transfer.amount.currency !== currency)
        return invalid("currency_mismatch");
    return ok(transfer);
}
/** True when two transfers are the same entry (a replay), field by field. */
export function sameTransfer(a, b) {
    return (a.id === b.id &&
        a.debit === b.debit &&
        a.credit === b.credit &&
        a.amount.minor === b.amount.minor &&
        a.amount.currency === b.amount.currency &&
        a.kind === b.kind &&
        a.reference === b.reference &&
        a.memo === b.memo);
}
/**
 * What to do with a transfer whose id may already be posted: post it, skip an exact replay,
 * or refuse a different transfer under the same id.
 */
export function replayDecision(existing, transfer) {
    if (!existing)
        return ok("post");
    return sameTransfer(existing, transfer) ? ok("skip") : err({ code: "TRANSFER_ID_CONFLICT", transferId: transfer.id });
}
/** A card payment topping up a wallet; id from the payment intent, so a webhook replay is a no-op. */
export function topUpTransfer(input) {
    return {
        id: `topup:${input.paymentIntentId}`,
        debit: PLATFORM_ACCOUNTS.cardClearing,
        credit: walletAccount(input.userId),
        amount: input.amount,
        kind: "top_up",
        reference: input.paymentIntentId,
        memo: null,
        createdAt: input.now,
    };
}
/**
 * An admin correction of a wallet. A positive amount credits the wallet from the
 * adjustments account, a negative one debits it (and cannot overdraw it). The reason is
 * recorded on the transfer itself.
 */
export function adjustmentTransfer(input) {
    const wallet = walletAccount(input.userId);
    const credit = input.amount.minor >= 0;
    return {
        id: input.id,
        debit: credit ? PLATFORM_ACCOUNTS.adjustments : wallet,
        credit: credit ? wallet : PLATFORM_ACCOUNTS.adjustments,
        amount: { ...input.amount, minor: Math.abs(input.amount.minor) },
        kind: "adjustment",
        reference: input.userId,
        memo: input.reason,
        createdAt: input.now,
    };
}
/**
 * The correction of a posted transfer: the same amount back the other way. Transfers are
 * never edited; the reversal's id is derived, so a transfer can be reversed only once.
 */
export function reversalOf(transfer, input) {
    return {
        id: `reversal:${transfer.id}`,
        debit: transfer.credit,
        credit: transfer.debit,
        amount: transfer.amount,
        kind: "reversal",
        reference: transfer.id,
        memo: input.reason,
        createdAt: input.now,
    };
}
/**
 * Money for an order arriving in sales from where the shopper paid (their wallet, the card
 * clearing account, or the courier's cash). `id` is derived from the order and the capture
 * reference, so a repeated webhook posts nothing new.
 */
export function orderPaymentTransfer(input) {
    return {
        id: input.id,
        debit: input.from,
        credit: PLATFORM_ACCOUNTS.sales,
        amount: input.amount,
        kind: input.kind,
        reference: input.orderId,
        memo: null,
        createdAt: input.now,
    };
}
/** A refund leaving the refunds account for the shopper's wallet or back to the card clearing account. */
export function refundTransfer(input) {
    return {
        id: `refund:${input.refundId}`,
        debit: PLATFORM_ACCOUNTS.refunds,
        credit: input.to,
        amount: input.amount,
        kind: "refund",
        reference: input.orderId,
        memo: null,
        createdAt: input.now,
    };
}
//# sourceMappingURL=transfer.js.map