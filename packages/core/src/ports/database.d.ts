import type { Repositories } from "./repositories.js";
import type { UnitOfWork } from "./unit-of-work.js";
/** The persistence engines `packages/db` can run on; chosen by configuration, never by callers. */
export type DatabaseEngine = "sqlite" | "mongodb";
/**
 * A live connection to the store's database: what `openDatabase` in `packages/db` returns.
 * Nothing outside `packages/db` learns more about the engine than its name.
 */
export interface DatabaseHandle {
    readonly engine: DatabaseEngine;
    /** Every multi-record write goes through here: one transaction, all or nothing. */
    readonly uow: UnitOfWork;
    /**
     * Reads, and single guarded writes, outside any transaction. They never see another request's
     * uncommitted work (SQLite reads use their own connection).
     */
    readonly repos: Repositories;
    /** Resolves when the database answers a trivial query; rejects otherwise. */
    ping(): Promise<void>;
    /**
     * A number that changes whenever anything is committed, by this process or any other; absent
     * where the engine cannot tell that cheaply (MongoDB). Lets a reader cache answers safely.
     */
    readonly dataVersion?: () => number;
    close(): Promise<void>;
}
//# sourceMappingURL=database.d.ts.map