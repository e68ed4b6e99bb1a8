import { money } from "../money/money.js";
import { err, ok } from "../result.js";
import { balanceFloor } from "./accounts.js";
import { checkTransfer, replayDecision } from "./transfer.js";
export function emptyLedger(currency) {
    return { currency, transfers: new Map(), balances: new Map() };
}
/**
 * Balances from transfers alone: Σ credits − Σ debits per account. Cached balances are
 * checked against this.
 */
export function deriveBalances(transfers) {
    const balances = new Map();
    for (const t of transfers) {
        balances.set(t.debit, (balances.get(t.debit) ?? 0) - t.amount.minor);
        balances.set(t.credit, (balances.get(t.credit) ?? 0) + t.amount.minor);
    }
    return balances;
}
/** An account's balance in the ledger (zero when it never moved). */
export function balanceOf(state, account) {
    return money(state.balances.get(account) ?? 0, state.currency);
}
/**
 * Posts a batch all-or-nothing. Each transfer must be well-formed; an exact replay of a
 * posted id is skipped; a wallet may not go below zero at any point in the batch. On any
 * refusal the original state is returned untouched (the caller keeps `state`).
 */
export function postBatch(state, batch) {
    const transfers = new Map(state.transfers);
    const balances = new Map(state.balances);
    const posted = [];
    const replayed = [];
    for (const transfer of batch) {
        const checked = checkTransfer(transfer, state.currency);
        if (!checked.ok)
            return checked;
        const decision = replayDecision(transfers.get(transfer.id) ?? null, transfer);
        if (!decision.ok)
            return decision;
        if (decision.value === "skip") {
            replayed.push(transfer.id);
            continue;
        }
        const debitBalance = balances.get(transfer.debit) ?? 0;
        const floor = balanceFloor(transfer.debit);
        if (floor !== null && debitBalance - transfer.amount.minor < floor) {
            return err({
                code: "INSUFFICIENT_FUNDS",
                account: transfer.debit,
                balance: money(debitBalance, state.currency),
                amount: transfer.amount,
            });
        }
        balances.set(transfer.debit, debitBalance - transfer.amount.minor);
        balances.set(transfer.credit, (balances.get(transfer.credit) ?? 0) + transfer.amount.minor);
        transfers.set(transfer.id, transfer);
        posted.push(transfer);
    }
    return ok({ state: { currency: state.currency, transfers, balances }, posted, replayed });
}
/**
 * An account's statement in posting order with a running balance, for "balance shown with
 * its statement". The last line's balance equals the derived balance.
 */
export function statement(account, transfers, currency) {
    let balance = 0;
    const lines = [];
    for (const transfer of transfers) {
        if (transfer.debit !== account && transfer.credit !== account)
            continue;
        const change = transfer.credit === account ? transfer.amount.minor : -transfer.amount.minor;
        balance += change;
        lines.push({ transfer, change: money(change, currency), balanceAfter: money(balance, currency) });
    }
    return lines;
}
//# sourceMappingURL=ledger.js.map