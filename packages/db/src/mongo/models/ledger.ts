import { Schema } from "mongoose";
import { TRANSFER_KINDS, type AccountId, type TransferKind } from "@bbscart/core";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions, moneySchema, nullable, stringId, type MoneyDoc } from "./shared.js";

/** An immutable transfer. `accounts` = [debit, credit], so one index serves an account's statement. */
export interface TransferDoc {
  _id: string;
  debit: AccountId;
  credit: AccountId;
  accounts: AccountId[];
  amount: MoneyDoc;
  kind: TransferKind;
  reference: string;
  memo: string | null;
  createdAt: Date;
}

export const transferSchema = new Schema<TransferDoc>(
  {
    _id: stringId,
    debit: { type: String, required: true },
    credit: { type: String, required: true },
    accounts: { type: [String], required: true },
    amount: { type: moneySchema, required: true },
    kind: { type: String, required: true, enum: TRANSFER_KINDS },
    reference: { type: String, required: true },
    memo: nullable(String),
    createdAt: { type: Date, required: true },
  },
  collectionOptions("ledger_transfers"),
);
transferSchema.index({ accounts: 1, createdAt: -1, _id: -1 }, { name: "statement" });
transferSchema.index({ reference: 1 }, { name: "reference" });
transferSchema.index({ credit: 1, "amount.currency": 1 }, { name: "credit_currency" });
transferSchema.index({ debit: 1, "amount.currency": 1 }, { name: "debit_currency" });

/** The transfer id is the `_id`. */
export const transferUniqueIndexes: UniqueIndexNames = { _id_: "ledger_transfers.id" };

/**
 * The cached balance of one account in one currency: `_id` is `balanceId(account, currency)` for an
 * account with a floor (a wallet), or one of `balanceBucketIds(…)` for an account without one, whose
 * balance is the sum of its buckets (ADR 082).
 */
export interface BalanceDoc {
  _id: string;
  account: AccountId;
  currency: string;
  minor: number;
}

export const balanceSchema = new Schema<BalanceDoc>(
  {
    _id: stringId,
    account: { type: String, required: true },
    currency: { type: String, required: true },
    minor: { type: Number, required: true },
  },
  collectionOptions("ledger_balances"),
);

export function balanceId(account: AccountId, currency: string): string {
  return `${currency}|${account}`;
}

/** How many documents an account without a floor spreads its balance over. */
export const BALANCE_BUCKETS = 16;

export function balanceBucketIds(account: AccountId, currency: string): string[] {
  return Array.from({ length: BALANCE_BUCKETS }, (_, bucket) => `${balanceId(account, currency)}#${bucket}`);
}
