import { balanceFloor, type DatabaseHandle } from "@bbscart/core";
import type { ProcessTask } from "./lane.js";

/**
 * What each OS process of a multi-process case does: fire all attempts at once through
 * direct guarded writes and count how many applied. Shared by every lane's worker script.
 */
export async function runProcessTask(db: DatabaseHandle, task: ProcessTask): Promise<number> {
  const attempt = () =>
    task.kind === "reserve"
      ? db.repos.inventory.reserveIfAvailable(task.variantId, 1)
      : db.repos.ledger.debitIfSufficient(task.account, task.amount, balanceFloor(task.account));
  const results = await Promise.all(Array.from({ length: task.attempts }, attempt));
  return results.filter(Boolean).length;
}
