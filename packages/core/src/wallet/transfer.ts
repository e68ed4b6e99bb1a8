import type { Money } from "../money/money.js";
import { err, ok, type Result } from "../result.js";
import { PLATFORM_ACCOUNTS, walletAccount, type AccountId } from "./accounts.js";

export const TRANSFER_KINDS = ["top_up", "order_payment", "cod_collection", "refund", "adjustment", "reversal"] as const;
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

export type LedgerError =
  | {
      readonly code: "INVALID_TRANSFER";
      readonly transferId: string;
      readonly reason: "non_positive_amount" | "same_account" | "currency_mismatch";
    }
  | { readonly code: "INSUFFICIENT_FUNDS"; readonly account: AccountId; readonly balance: Money; readonly amount: Money }
  /** The id is taken by a different transfer: a bug in how ids are derived. */
  | { readonly code: "TRANSFER_ID_CONFLICT"; readonly transferId: string };

/** Shape rules for any transfer: positive amount, two different accounts, ledger currency. */
export function checkTransfer(transfer: Transfer, currency: string): Result<Transfer, LedgerError> {
  const invalid = (reason: "non_positive_amount" | "same_account" | "currency_mismatch") =>
    err({ code: "INVALID_TRANSFER" as const, transferId: transfer.id, reason });
  if (!Number.isSafeInteger(transfer.amount.minor) || transfer.amount.minor <= 0) return invalid("non_positive_amount");
  if (transfer.debit === transfer.credit) return invalid("same_account");
  if (transfer.amount.currency !== currency) return invalid("currency_mismatch");
  return ok(transfer);
}

/** True when two transfers are the same entry (a replay), field by field. */
export function sameTransfer(a: Transfer, b: Transfer): boolean {
  return (
    a.id === b.id &&
    a.debit === b.debit &&
    a.credit === b.credit &&
    a.amount.minor === b.amount.minor &&
    a.amount.currency === b.amount.currency &&
    a.kind === b.kind &&
    a.reference === b.reference &&
    a.memo === b.memo
  );
}

/**
 * What to do with a transfer whose id may already be posted: post it, skip an exact replay,
 * or refuse a different transfer under the same id.
 */
export function replayDecision(existing: Transfer | null, transfer: Transfer): Result<"post" | "skip", LedgerError> {
  if (!existing) return ok("post");
  return sameTransfer(existing, transfer) ? ok("skip") : err({ code: "TRANSFER_ID_CONFLICT", transferId: transfer.id });
}

/** A card payment topping up a wallet; id from the payment intent, so a webhook replay is a no-op. */
export function topUpTransfer(input: { userId: string; amount: Money; paymentIntentId: string; now: Date }): Transfer {
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
export function adjustmentTransfer(input: { id: string; userId: string; amount: Money; reason: string; now: Date }): Transfer {
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
export function reversalOf(transfer: Transfer, input: { reason: string; now: Date }): Transfer {
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
export function orderPaymentTransfer(input: {
  id: string;
  from: AccountId;
  amount: Money;
  orderId: string;
  kind: "order_payment" | "cod_collection";
  now: Date;
}): Transfer {
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
export function refundTransfer(input: { refundId: string; to: AccountId; amount: Money; orderId: string; now: Date }): Transfer {
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
