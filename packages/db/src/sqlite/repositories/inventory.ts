import type { InventoryRepository } from "@bbscart/core";
import { positiveQuantity } from "../codec.js";
import type { Executor } from "../executor.js";

/**
 * Stock changes, each one guarded `UPDATE` whose WHERE clause is the rule from
 * `inventory/stock.ts`; `changes === 1` says it applied. Never read-then-write: the guard
 * and the change are evaluated together, so concurrent checkouts cannot oversell.
 */
export function sqliteInventory(ex: Executor): InventoryRepository {
  /** Runs one guarded statement; `params` is built inside so a bad quantity rejects instead of throwing. */
  const applied = (sql: string, params: () => { readonly id: string; readonly q: number }) =>
    ex.writeStatement((c) => c.prepare(sql).run(params()).changes === 1);
  return {
    reserveIfAvailable: (variantId, quantity) =>
      applied("UPDATE variants SET reserved = reserved + @q WHERE id = @id AND on_hand - reserved >= @q", () => ({ q: positiveQuantity(quantity), id: variantId })),
    releaseIfReserved: (variantId, quantity) =>
      applied("UPDATE variants SET reserved = reserved - @q WHERE id = @id AND reserved >= @q", () => ({ q: positiveQuantity(quantity), id: variantId })),
    commitIfReserved: (variantId, quantity) =>
      applied("UPDATE variants SET on_hand = on_hand - @q, reserved = reserved - @q WHERE id = @id AND reserved >= @q", () => ({ q: positiveQuantity(quantity), id: variantId })),
    restock: async (variantId, quantity) => {
      await applied("UPDATE variants SET on_hand = on_hand + @q WHERE id = @id", () => ({ q: positiveQuantity(quantity), id: variantId }));
    },
    adjustIfAboveReserved: (variantId, delta) =>
      applied("UPDATE variants SET on_hand = on_hand + @q WHERE id = @id AND on_hand + @q >= reserved", () => {
        if (!Number.isSafeInteger(delta)) throw new RangeError(`stock delta must be an integer, got ${delta}`);
        return { q: delta, id: variantId };
      }),
    level: (variantId) =>
      ex.read((c) => {
        const row = c.prepare("SELECT on_hand, reserved FROM variants WHERE id = ?").get(variantId) as { on_hand: number; reserved: number } | undefined;
        return row ? { onHand: row.on_hand, reserved: row.reserved } : null;
      }),
  };
}
