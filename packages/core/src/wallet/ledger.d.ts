import { type Money } from "../money/money.js";
import { type Result } from "../result.js";
import { type AccountId } from "./accounts.js";
import { type LedgerError, type Transfer } from "./transfer.js";
/**
 * The ledger as a value: every posted transfer and the balances they imply. This is the
 * reference model of what the `LedgerRepository` adapters persist; the property tests run
 * random operations against it.
 */
export interface LedgerState {
    readonly currency: string;
    readonly transfers: ReadonlyMap<string, Transfer>;
    readonly balances: ReadonlyMap<AccountId, number>;
}
export interface PostOutcome {
    readonly state: LedgerState;
    /** Transfers newly posted. */
    readonly posted: readonly Transfer[];
    /** Ids that were already posted identically (replays), left untouched. */
    readonly replayed: readonly string[];
}
export declare function emptyLedger(currency: string): LedgerState;
/**
 * Balances from transfers alone: Σ credits − Σ debits per account. Cached balances are
 * checked against this.
 */
export declare function deriveBalances(transfers: Iterable<Transfer>): Map<AccountId, number>;
/** An account's balance in the ledger (zero when it never moved). */
export declare function balanceOf(state: LedgerState, account: AccountId): Money;
/**
 * Posts a batch all-or-nothing. Each transfer must be well-formed; an exact replay of a
 * posted id is skipped; a wallet may not go below zero at any point in the batch. On any
 * refusal the original state is returned untouched (the caller keeps `state`).
 */
export declare function postBatch(state: LedgerState, batch: readonly Transfer[]): Result<PostOutcome, LedgerError>;
export interface StatementLine {
    readonly transfer: Transfer;
    /** Signed change to the account: positive when credited. */
    readonly change: Money;
    readonly balanceAfter: Money;
}
/**
 * An account's statement in posting order with a running balance, for "balance shown with
 * its statement". The last line's balance equals the derived balance.
 */
export declare function statement(account: AccountId, transfers: readonly Transfer[], currency: string): StatementLine[];
//# sourceMappingURL=ledger.d.ts.map