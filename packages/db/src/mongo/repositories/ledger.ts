import { randomInt } from "node:crypto";
import { balanceFloor, type AccountId, type CurrencyCode, type LedgerRepository, type Money, type Transfer } from "@bbscart/core";
import { translateDuplicateKey } from "../errors.js";
import { BALANCE_BUCKETS, balanceBucketIds, balanceId, transferUniqueIndexes, type BalanceDoc, type TransferDoc } from "../models/ledger.js";
import type { RepoContext } from "./context.js";
import { findPage } from "./mapping.js";

function toTransfer(doc: TransferDoc): Transfer {
  const { _id, accounts: _accounts, ...fields } = doc;
  return { id: _id, ...fields };
}

function transferDoc(transfer: Transfer): TransferDoc {
  const { id, ...fields } = transfer;
  return { _id: id, ...fields, accounts: [transfer.debit, transfer.credit] };
}

/**
 * Transfers are inserted, never changed; cached balances move only by `$inc`. The overdraft
 * guard is in the update's filter (`minor ≥ floor + amount`), so two concurrent debits of the
 * last rupee cannot both match.
 */
export function ledgerRepository({ models: { transfers, balances }, session }: RepoContext): LedgerRepository {
  const key = (account: AccountId, amount: Money) => ({ _id: balanceId(account, amount.currency) });
  const creation = (account: AccountId, amount: Money) => ({ account, currency: amount.currency });

  /**
   * An unguarded `$inc` of an account's cached balance. An account with a floor (a wallet) keeps
   * one document, where its guard is checked. One without (the platform's) spreads over bucket
   * documents: every captured payment moves `platform:sales` and `platform:card_clearing`, and on
   * one document each, concurrent checkouts would all conflict there and re-run whole. Its balance
   * is the sum of the buckets (ADR 082).
   */
  async function move(account: AccountId, amount: Money, minor: number): Promise<void> {
    const _id = balanceFloor(account) === null ? balanceBucketIds(account, amount.currency)[randomInt(BALANCE_BUCKETS)]! : balanceId(account, amount.currency);
    await balances.updateOne({ _id }, { $inc: { minor }, $setOnInsert: creation(account, amount) }, { upsert: true, session });
  }

  async function sumOf(side: "debit" | "credit", account: AccountId, currency: CurrencyCode): Promise<number> {
    const [total] = await transfers
      .aggregate<{ minor: number }>([{ $match: { [side]: account, "amount.currency": currency } }, { $group: { _id: null, minor: { $sum: "$amount.minor" } } }])
      .session(session ?? null);
    return total?.minor ?? 0;
  }

  return {
    async findTransfer(id) {
      const doc = await transfers.findById(id, null, { session }).lean<TransferDoc>();
      return doc && toTransfer(doc);
    },
    async append(transfer) {
      await translateDuplicateKey(transferUniqueIndexes, () => transfers.insertMany([transferDoc(transfer)], { session }));
    },
    async debitIfSufficient(account, amount, floor) {
      if (floor === null) {
        await move(account, amount, -amount.minor);
        return true;
      }
      // A missing balance counts as zero: create it at zero (a no-op in value) so the guard has a document to test.
      await balances.updateOne(key(account, amount), { $setOnInsert: { ...creation(account, amount), minor: 0 } }, { upsert: true, session });
      const result = await balances.updateOne({ ...key(account, amount), minor: { $gte: floor + amount.minor } }, { $inc: { minor: -amount.minor } }, { session });
      return result.matchedCount === 1;
    },
    async credit(account, amount) {
      await move(account, amount, amount.minor);
    },
    async balance(account, currency) {
      // The single document, plus the buckets of an account without a floor (by `_id`, so the primary index serves it).
      const ids = [balanceId(account, currency), ...(balanceFloor(account) === null ? balanceBucketIds(account, currency) : [])];
      const docs = await balances.find({ _id: { $in: ids } }, { minor: 1 }, { session }).lean<Pick<BalanceDoc, "minor">[]>();
      return { minor: docs.reduce((sum, doc) => sum + doc.minor, 0), currency };
    },
    async derivedBalance(account, currency) {
      const [credits, debits] = await Promise.all([sumOf("credit", account, currency), sumOf("debit", account, currency)]);
      return { minor: credits - debits, currency };
    },
    statement(account, page) {
      return findPage(transfers, session, { filter: { accounts: account }, sort: { field: "createdAt", direction: -1 }, page }, toTransfer);
    },
    async byReference(reference) {
      const docs = await transfers.find({ reference }, null, { session }).sort({ createdAt: 1, _id: 1 }).lean<TransferDoc[]>();
      return docs.map(toTransfer);
    },
  };
}
