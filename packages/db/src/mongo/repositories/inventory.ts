import type { InventoryRepository } from "@bbscart/core";
import type { VariantDoc } from "../models/variants.js";
import type { RepoContext } from "./context.js";

/**
 * Stock moves only through these single-document updates. Each guard is in the filter and each
 * `$inc` moves `available` together with `onHand`/`reserved`, so the guard and the change are one
 * atomic step: of concurrent reservations for the last unit, exactly one matches.
 */
export function inventoryRepository({ models: { variants }, session }: RepoContext): InventoryRepository {
  const guarded = async (filter: Record<string, unknown>, inc: Partial<Record<"onHand" | "reserved" | "available", number>>) => {
    const result = await variants.updateOne(filter, { $inc: inc }, { session });
    // Matched means the guard held when the update ran; the update always applies then.
    return result.matchedCount === 1;
  };
  return {
    reserveIfAvailable: (variantId, quantity) => guarded({ _id: variantId, available: { $gte: quantity } }, { reserved: quantity, available: -quantity }),
    releaseIfReserved: (variantId, quantity) => guarded({ _id: variantId, reserved: { $gte: quantity } }, { reserved: -quantity, available: quantity }),
    commitIfReserved: (variantId, quantity) => guarded({ _id: variantId, reserved: { $gte: quantity } }, { onHand: -quantity, reserved: -quantity }),
    async restock(variantId, quantity) {
      await guarded({ _id: variantId }, { onHand: quantity, available: quantity });
    },
    // onHand + delta ≥ reserved ⇔ available + delta ≥ 0 ⇔ available ≥ −delta.
    adjustIfAboveReserved: (variantId, delta) => guarded({ _id: variantId, available: { $gte: -delta } }, { onHand: delta, available: delta }),
    async level(variantId) {
      const doc = await variants.findById(variantId, { onHand: 1, reserved: 1 }, { session }).lean<Pick<VariantDoc, "onHand" | "reserved">>();
      return doc && { onHand: doc.onHand, reserved: doc.reserved };
    },
  };
}
