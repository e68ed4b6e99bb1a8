import type { Access } from "../../src/trpc/init.js";
import type { Callers, TestAccount } from "../accounts.js";
import type { RunningApp } from "../harness.js";

export type CallerName = "anonymous" | keyof Callers;
export type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT" | "PRECONDITION_FAILED";

/** What every row may use: the running app, the five callers, and records prepared once. */
export interface World {
  app: RunningApp;
  callers: Callers;
  /** Records created once for the suite by each rows file's `prepare`, by name. */
  fixtures: Record<string, string>;
}

export interface Row {
  access: Access;
  /** Valid input, as the given caller would send it. */
  input?: (caller: TestAccount | null, world: World) => unknown;
  /** Outcomes that differ from what the access rule implies (object-level checks, public refusals). */
  expect?: Partial<Record<CallerName, Outcome>>;
  /** Puts back what a successful call changed, so later rows start from the same world. */
  after?: (world: World) => Promise<void>;
}

/** One domain's rows; `prepare` creates what its rows need, once per suite. */
export interface RowSet {
  prepare?: (world: World) => Promise<void>;
  rows: Record<string, Row>;
}
