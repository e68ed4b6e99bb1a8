import { type Result } from "../result.js";
import type { Repositories } from "./repositories.js";
/**
 * One database transaction. Everything `fn` writes through `repos` commits together when it
 * resolves, or not at all when it throws. The adapter may run `fn` more than once (a
 * MongoDB transient transaction error, SQLite busy), so `fn` must do no external I/O:
 * provider calls and sending happen after `run` resolves.
 */
export interface UnitOfWork {
    run<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
}
/**
 * Runs `fn` in one transaction that commits only if it returns an ok result. A refusal
 * (out of stock on the third line, insufficient funds on the second transfer) rolls back
 * everything already written and comes back as the same value; exceptions still throw.
 */
export declare function transact<T, E>(uow: UnitOfWork, fn: (repos: Repositories) => Promise<Result<T, E>>): Promise<Result<T, E>>;
//# sourceMappingURL=unit-of-work.d.ts.map