// Apart from the unit of work so the package's entry can export it without loading mongoose, which
// a SQLite process never needs (decision 106).

/** A unit of work kept losing write conflicts past its retry budget; nothing of it was committed. */
export class TransactionRetryTimeoutError extends Error {
  override readonly name = "TransactionRetryTimeoutError";
  constructor(attempts: number, budgetMs: number) {
    super(`MongoDB transaction gave up after ${attempts} attempts in ${budgetMs} ms of write conflicts; nothing was committed`);
  }
}
