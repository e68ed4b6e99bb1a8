import { money, type AccountId, type LedgerRepository, type Transfer, type TransferKind } from "@bbscart/core";
import { fromMs, toMs } from "../codec.js";
import { keysetPage } from "../cursor.js";
import type { Executor } from "../executor.js";

interface TransferRow {
  id: string;
  debit_account: AccountId;
  credit_account: AccountId;
  amount_minor: number;
  currency: string;
  kind: TransferKind;
  reference: string;
  memo: string | null;
  created_at: number;
}

const toTransfer = (row: TransferRow): Transfer => ({
  id: row.id,
  debit: row.debit_account,
  credit: row.credit_account,
  amount: money(row.amount_minor, row.currency),
  kind: row.kind,
  reference: row.reference,
  memo: row.memo,
  createdAt: fromMs(row.created_at),
});

/**
 * The guarded debit as one upsert: a missing balance row is inserted at −amount only if zero
 * may go that low; an existing row always reaches the conflict branch (hence the EXISTS), and
 * is decremented only if it stays at or above the floor. `changes === 1` means it applied.
 */
const DEBIT = `INSERT INTO ledger_balances (account, currency, balance_minor)
  SELECT @account, @currency, -@amount
  WHERE @floor IS NULL OR 0 - @amount >= @floor
     OR EXISTS (SELECT 1 FROM ledger_balances WHERE account = @account AND currency = @currency)
  ON CONFLICT (account, currency) DO UPDATE SET balance_minor = balance_minor - @amount
  WHERE @floor IS NULL OR balance_minor - @amount >= @floor`;

const CREDIT = `INSERT INTO ledger_balances (account, currency, balance_minor) VALUES (@account, @currency, @amount)
  ON CONFLICT (account, currency) DO UPDATE SET balance_minor = balance_minor + @amount`;

export function sqliteLedger(ex: Executor): LedgerRepository {
  return {
    findTransfer: (id) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM ledger_transfers WHERE id = ?").get(id) as TransferRow | undefined;
        return row ? toTransfer(row) : null;
      }),
    append: (transfer) =>
      ex.writeStatement((c) => {
        c.prepare(
          `INSERT INTO ledger_transfers (id, debit_account, credit_account, amount_minor, currency, kind, reference, memo, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          transfer.id,
          transfer.debit,
          transfer.credit,
          transfer.amount.minor,
          transfer.amount.currency,
          transfer.kind,
          transfer.reference,
          transfer.memo,
          toMs(transfer.createdAt),
        );
      }),
    debitIfSufficient: (account, amount, floor) =>
      ex.writeStatement((c) => c.prepare(DEBIT).run({ account, currency: amount.currency, amount: amount.minor, floor }).changes === 1),
    credit: (account, amount) =>
      ex.writeStatement((c) => {
        c.prepare(CREDIT).run({ account, currency: amount.currency, amount: amount.minor });
      }),
    balance: (account, currency) =>
      ex.read((c) => {
        const row = c.prepare("SELECT balance_minor FROM ledger_balances WHERE account = ? AND currency = ?").get(account, currency) as
          | { balance_minor: number }
          | undefined;
        return money(row?.balance_minor ?? 0, currency);
      }),
    derivedBalance: (account, currency) =>
      ex.read((c) => {
        const row = c
          .prepare(
            `SELECT (SELECT IFNULL(SUM(amount_minor), 0) FROM ledger_transfers WHERE credit_account = @account AND currency = @currency)
                  - (SELECT IFNULL(SUM(amount_minor), 0) FROM ledger_transfers WHERE debit_account = @account AND currency = @currency) AS minor`,
          )
          .get({ account, currency }) as { minor: number };
        return money(row.minor, currency);
      }),
    statement: (account, page) =>
      ex.read((c) =>
        keysetPage(c, {
          columns: "*",
          from: "ledger_transfers",
          where: [["debit_account = ? OR credit_account = ?", account, account]],
          keys: ["created_at", "id"],
          direction: "DESC",
          sort: "statement",
          page,
          map: toTransfer,
        }),
      ),
    byReference: (reference) =>
      ex.read((c) =>
        (c.prepare("SELECT * FROM ledger_transfers WHERE reference = ? ORDER BY created_at, id").all(reference) as TransferRow[]).map(toTransfer),
      ),
  };
}
