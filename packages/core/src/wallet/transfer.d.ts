import type { Money } from "../money/money.js";
import { type Result } from "../result.js";
import { type AccountId } from "./accounts.js";
export declare const TRANSFER_KINDS: readonly ["top_up", "order_payment", "cod_collection", "refund", "adjustment", "reversal"];
export type TransferKind = (typeof TRANSFER_KINDS)[number];
/**
 * One immutable ledger entry: `amount` leaves `debit` and arrives in `credit`. A balance is
 * Σ credits − Σ debits. The id is unique: posting the same transfer twice is a no-op, so
 * ids are derived from what caused them (an order, a payment intent, a refund id).
 */
export interface Transfer {
    readonly id: string;
    readonly debit: AccountId;
    readonly credit: AccountId;
    readonly amount: Money;
    readonly kind: TransferKind;
    /** The order id, payment intent, or reversed transfer id this transfer belongs to. */
    readonly reference: string;
    /** Why (mandatory for adjustments). */
    readonly memo: string | null;
    readonly createdAt: Date;
}
export type LedgerError = {
    readonly code: "INVALID_TRANSFER";
    readonly transferId: string;
    readonly reason: "non_positive_amount" | "same_account" | "currency_mismatch";
} | {
    readonly code: "INSUFFICIENT_FUNDS";
    readonly account: AccountId;
    readonly balance: Money;
    readonly amount: Money;
}
/** The id is taken by a different transfer: a bug in how ids are derived. */
 | {
    readonly code: "TRANSFER_ID_CONFLICT";
    readonly transferId: string;
};
/** Shape rules for any transfer: positive amount, two different accounts, ledger currency. */
export declare function checkTransfer(transfer: Transfer, currency: string): Result<Transfer, LedgerError>;
/** True when two transfers are the same entry (a replay), field by field. */
export declare function sameTransfer(a: Transfer, b: Transfer): boolean;
/**
 * What to do with a transfer whose id may already be posted: post it, skip an exact replay,
 * or refuse a different transfer under the same id.
 */
export declare function replayDecision(existing: Transfer | null, transfer: Transfer): Result<"post" | "skip", LedgerError>;
/** A card payment topping up a wallet; id from the payment intent, so a webhook replay is a no-op. */
export declare function topUpTransfer(input: {
    userId: string;
    amount: Money;
    paymentIntentId: string;
    now: Date;
}): Transfer;
/**
 * An admin correction of a wallet. A positive amount credits the wallet from the
 * adjustments account, a negative one debits it (and cannot overdraw it). The reason is
 * recorded on the transfer itself.
 */
export declare function adjustmentTransfer(input: {
    id: string;
    userId: string;
    amount: Money;
    reason: string;
    now: Date;
}): Transfer;
/**
 * The correction of a posted transfer: the same amount back the other way. Transfers are
 * never edited; the reversal's id is derived, so a transfer can be reversed only once.
 */
export declare function reversalOf(transfer: Transfer, input: {
    reason: string;
    now: Date;
}): Transfer;
/**
 * Money for an order arriving in sales from where the shopper paid (their wallet, the card
 * clearing account, or the courier's cash). `id` is derived from the order and the capture
 * reference, so a repeated webhook posts nothing new.
 */
export declare function orderPaymentTransfer(input: {
    id: string;
    from: AccountId;
    amount: Money;
    orderId: string;
    kind: "order_payment" | "cod_collection";
    now: Date;
}): Transfer;
/** A refund leaving the refunds account for the shopper's wallet or back to the card clearing account. */
export declare function refundTransfer(input: {
    refundId: string;
    to: AccountId;
    amount: Money;
    orderId: string;
    now: Date;
}): Transfer;
//# sourceMappingURL=transfer.d.ts.map