import type { DatabaseHandle } from "@bbscart/core";
import { it } from "vitest";
import type { Capability, LaneCapabilities, MultiProcessRunner } from "./lane.js";

/** What every case module gets: the current test's database and the lane's capabilities. */
export interface ContractContext {
  /** A fresh database, opened before each test and closed after it. */
  readonly db: DatabaseHandle;
  readonly capabilities: LaneCapabilities;
}

/**
 * Declares a case that depends on lane capabilities. When the lane lacks one it is reported
 * as skipped, and its title says which capability was missing.
 */
export function itNeeds(
  context: ContractContext,
  needs: readonly Capability[],
  title: string,
  fn: () => Promise<void>,
  timeout?: number,
): void {
  const missing = needs.filter((need) => !context.capabilities[need]);
  const label = missing.length > 0 ? `${title} [skipped: lane lacks ${missing.join(", ")}]` : title;
  it.skipIf(missing.length > 0)(label, fn, timeout);
}

/**
 * Declares a case that runs `fn` with the lane's multi-process runner; reported as skipped,
 * with the reason, on lanes that run in one process.
 */
export function itAcrossProcesses(context: ContractContext, title: string, fn: (run: MultiProcessRunner) => Promise<void>): void {
  const run = context.capabilities.multiProcess;
  it.skipIf(!run)(run ? title : `${title} [skipped: lane runs in one process]`, async () => {
    if (run) await fn(run);
  }, 30_000);
}
