import { err, ok } from "../result.js";
import { balanceFloor } from "./accounts.js";
import { checkTransfer, replayDecision } from "./transfer.js";
/**
 * Posts transfers through the ledger port with the same rules as `postBatch`: well-formed,
 * exact replays skipped, different transfers under a taken id refused, overdrafts refused
 * by the guarded debit (no read-then-write). Must run inside `transact`, so a refusal of
 * any transfer rolls back the ones before it: the batch is all-or-nothing.
 */
export async function postTransfers(ledger, transfers, currency) {
    const posted = [];
    const replayed = [];
    for (const transfer of transfers) {
        const checked = checkTransfer(transfer, currency);
        if (!checked.ok)
            return checked;
        const existing = posted.find((t) => t.id === transfer.id) ?? (await ledger.findTransfer(transfer.id));
        const decision = replayDecision(existing, transfer);
        if (!decision.ok)
            return decision;
        if (decision.value === "skip") {
            replayed.push(transfer.id);
            continue;
        }
        if (!(await ledger.debitIfSufficient(transfer.debit, transfer.amount, balanceFloor(transfer.debit)))) {
            return err({
                code: "INSUFFICIENT_FUNDS",
                account: transfer.debit,
                balance: await ledger.balance(transfer.debit, currency),
                amount: transfer.amount,
            });
        }
        await ledger.credit(transfer.credit, transfer.amount);
        await ledger.append(transfer);
        posted.push(transfer);
    }
    return ok({ posted, replayed });
}
//# sourceMappingURL=post.js.map