import type { LedgerRepository } from "../ports/repositories.js";
import { type Result } from "../result.js";
import { type LedgerError, type Transfer } from "./transfer.js";
/**
 * Posts transfers through the ledger port with the same rules as `postBatch`: well-formed,
 * exact replays skipped, different transfers under a taken id refused, overdrafts refused
 * by the guarded debit (no read-then-write). Must run inside `transact`, so a refusal of
 * any transfer rolls back the ones before it: the batch is all-or-nothing.
 */
export declare function postTransfers(ledger: LedgerRepository, transfers: readonly Transfer[], currency: string): Promise<Result<{
    readonly posted: readonly Transfer[];
    readonly replayed: readonly string[];
}, LedgerError>>;
//# sourceMappingURL=post.d.ts.map