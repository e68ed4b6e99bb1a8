import type { Connection } from "mongoose";
import type { UnitOfWork } from "@bbscart/core";
import type { Models } from "./models/index.js";
import { repoContext, transactionOptions } from "./repositories/context.js";
import { createRepositories } from "./repositories/index.js";

/**
 * One MongoDB transaction per `run`. `connection.transaction` uses the driver's
 * `withTransaction`, which re-runs `fn` on a transient error (a write conflict with a
 * concurrent transaction) and retries an unknown commit result — why `fn` must be free of
 * external effects. Repositories handed to `fn` pass the session on every operation.
 */
export function mongoUnitOfWork(connection: Connection, models: Models): UnitOfWork {
  return {
    run: (fn) => connection.transaction((session) => fn(createRepositories(repoContext(models, connection, session))), transactionOptions),
  };
}
