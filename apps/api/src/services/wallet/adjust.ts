import {
  adjustmentTransfer,
  err,
  formatMoney,
  money,
  ok,
  replayDecision,
  transact,
  walletAccount,
  type Effect,
  type Money,
  type Result,
} from "@bbscart/core";
import type { walletAdjustmentInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { type AdjustmentRefusal, type AdminCall, audit, type CommerceDeps, type EffectRefusal, loadSettings, type Refusal, refused } from "../common/index.js";
import { applyEffects } from "../orders/index.js";
import type { StepUp } from "../accounts/index.js";

interface Adjusted {
  readonly transferId: string;
  /** The wallet's balance after the adjustment. */
  readonly balance: Money;
  /** True when this key was already used for the same adjustment: nothing new was posted. */
  readonly replayed: boolean;
  readonly outboxIds: readonly string[];
}

/** What the ledger's refusals mean for an adjustment: a debit past the balance, or a key reused for another adjustment. */
function adjustmentRefusal(error: EffectRefusal | AdjustmentRefusal): Refusal {
  if (error.code === "INSUFFICIENT_FUNDS") return { code: "ADJUSTMENT_EXCEEDS_BALANCE", balance: error.balance };
  if (error.code === "TRANSFER_ID_CONFLICT") return { code: "IDEMPOTENCY_KEY_REUSED", what: "adjustment" };
  return error;
}

/**
 * An admin's credit or debit of a shopper's wallet, with a mandatory reason: the ledger transfer,
 * the shopper's notice and the audit entry commit together. The transfer id is derived from the
 * client's key, so a repeated request posts nothing new and answers as the first did; a debit
 * never takes the wallet below zero (the ledger's guarded debit decides, not a prior read).
 */
export async function adjustWallet(deps: CommerceDeps & { stepUp: StepUp }, admin: AdminCall, input: z.output<typeof walletAdjustmentInput>) {
  const { db, clock, ids } = deps;
  await deps.stepUp(admin.user, input.totpCode);
  const { currency } = await loadSettings(db.repos);
  const outcome = await transact(db.uow, async (repos): Promise<Result<Adjusted, EffectRefusal | AdjustmentRefusal>> => {
    const target = await repos.users.findById(input.userId);
    if (!target) return err({ code: "USER_NOT_FOUND" as const });
    const now = clock.now();
    const account = walletAccount(target.id);
    const transfer = adjustmentTransfer({ id: `adjustment:${target.id}:${input.idempotencyKey}`, userId: target.id, amount: money(input.amountMinor, currency), reason: input.reason, now });
    const decision = replayDecision(await repos.ledger.findTransfer(transfer.id), transfer);
    if (!decision.ok) return decision;
    if (decision.value === "skip") return ok({ transferId: transfer.id, balance: await repos.ledger.balance(account, currency), replayed: true, outboxIds: [] });

    const before: Money = await repos.ledger.balance(account, currency);
    const notice: Effect = {
      type: "notify",
      notification: {
        template: input.amountMinor > 0 ? "wallet_credited" : "wallet_debited",
        userId: target.id,
        dedupeKey: `wallet:${transfer.id}`,
        data: { amount: formatMoney(transfer.amount) },
      },
    };
    const applied = await applyEffects(repos, [{ type: "post_transfers", transfers: [transfer] }, notice], { now, currency });
    if (!applied.ok) return applied;
    const balance = await repos.ledger.balance(account, currency);
    await audit(repos, clock, ids, {
      actorId: admin.user.id,
      requestId: admin.requestId,
      action: "wallet.adjust",
      targetType: "user",
      targetId: target.id,
      reason: input.reason,
      before: { balanceMinor: before.minor },
      after: { balanceMinor: balance.minor, transferId: transfer.id },
    });
    return ok({ transferId: transfer.id, balance, replayed: false, outboxIds: applied.value.outboxIds });
  });
  if (!outcome.ok) throw refused(adjustmentRefusal(outcome.error));
  const { outboxIds, ...result } = outcome.value;
  deps.deliver(outboxIds);
  return result;
}
