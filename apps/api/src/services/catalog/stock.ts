import { adjustOnHand, available, type StockLevel } from "@bbscart/core";
import type { stockAdjustmentInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { type AdminCall, AppError, auditAs, type CatalogDeps, notFound } from "../common/index.js";

const belowReserved = (level: StockLevel, delta: number) =>
  new AppError("CONFLICT", `A change of ${delta} would leave ${level.onHand + delta} on hand, below the ${level.reserved} reserved for placed orders`, {
    field: "delta",
    reason: "BELOW_RESERVED",
  });

/**
 * An admin's counted stock correction with its reason. Core decides from the loaded level; the
 * guarded write re-checks in the same statement, so a checkout reserving meanwhile can never be
 * left promised more than is on hand.
 */
export function stockAdmin({ db, clock, ids }: Pick<CatalogDeps, "db" | "clock" | "ids">) {
  const record = auditAs(clock, ids);
  return {
    async adjustStock(call: AdminCall, input: z.output<typeof stockAdjustmentInput>) {
      return db.uow.run(async (repos) => {
        const before = await repos.inventory.level(input.variantId);
        if (!before) throw notFound("Variant");
        const decided = adjustOnHand(before, input.delta);
        if (!decided.ok) throw belowReserved(before, input.delta);
        if (!(await repos.inventory.adjustIfAboveReserved(input.variantId, input.delta))) throw belowReserved(before, input.delta);
        const after = (await repos.inventory.level(input.variantId))!;
        await record(repos, call, {
          action: "stock.adjust",
          targetType: "variant",
          targetId: input.variantId,
          reason: input.reason,
          before: { ...before },
          after: { ...after },
        });
        return { variantId: input.variantId, stock: { onHand: after.onHand, reserved: after.reserved, available: available(after) } };
      });
    },
  };
}
