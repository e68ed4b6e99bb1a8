import {
  CHANNELS,
  err,
  ok,
  outboxMessagesFor,
  postTransfers,
  type Effect,
  type Repositories,
  type Result,
} from "@bbscart/core";
import type { EffectRefusal } from "../common/index.js";

/**
 * Carries out a decision's effects inside the caller's unit of work, in order, through the guarded
 * writes of the ports. A refusal (stock taken by a concurrent checkout, a coupon used up, a wallet
 * too short) comes back as a value; run this under `transact`, so everything before it rolls back.
 * Returns the outbox messages to deliver after commit.
 */
export async function applyEffects(
  repos: Repositories,
  effects: readonly Effect[],
  context: { now: Date; currency: string },
): Promise<Result<{ outboxIds: string[] }, EffectRefusal>> {
  const outboxIds: string[] = [];
  for (const effect of effects) {
    switch (effect.type) {
      case "reserve_stock":
        for (const item of effect.items) {
          if (!(await repos.inventory.reserveIfAvailable(item.variantId, item.quantity))) {
            return err({ code: "OUT_OF_STOCK", sku: item.sku, variantId: item.variantId });
          }
        }
        break;
      case "commit_stock":
        for (const item of effect.items) {
          if (!(await repos.inventory.commitIfReserved(item.variantId, item.quantity))) {
            throw new Error(`stock of ${item.sku} was not reserved for this order`);
          }
        }
        break;
      case "release_stock":
        for (const item of effect.items) {
          if (!(await repos.inventory.releaseIfReserved(item.variantId, item.quantity))) {
            throw new Error(`stock of ${item.sku} was not reserved for this order`);
          }
        }
        break;
      case "restock":
        for (const item of effect.items) await repos.inventory.restock(item.variantId, item.quantity);
        break;
      case "post_transfers": {
        const posted = await postTransfers(repos.ledger, effect.transfers, context.currency);
        if (!posted.ok) return posted;
        break;
      }
      case "redeem_coupon":
        if (!(await repos.coupons.redeemIfAvailable(effect.couponCode, effect.holders))) {
          return err({ code: "COUPON_UNAVAILABLE", couponCode: effect.couponCode });
        }
        break;
      case "release_coupon":
        await repos.coupons.releaseRedemption(effect.couponCode, effect.holders);
        break;
      case "notify":
        for (const message of outboxMessagesFor(effect.notification, CHANNELS, context.now)) {
          if (await repos.outbox.enqueue(message)) outboxIds.push(message.id);
        }
        break;
    }
  }
  return ok({ outboxIds });
}
