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
import type { AdminContext } from "../admin-orders/context.js";
import { AppError, notFound } from "../app-error.js";
import { audit } from "../audit.js";
import type { CommerceDeps } from "../commerce-deps.js";
import { applyEffects, type EffectRefusal } from "../orders/effects.js";
import { requireSecondFactor } from "../second-factor.js";
import { loadSettings } from "../settings.js";

type AdjustRefusal = EffectRefusal | { readonly code: "USER_NOT_FOUND" };

interface Adjusted {
  readonly transferId: string;
  /** The wallet's balance after the adjustment. */
  readonly balance: Money;
  /** True when this key was already used for the same adjustment: nothing new was posted. */
  readonly replayed: boolean;
  readonly outboxIds: readonly string[];
}

function adjustRefusal(error: AdjustRefusal, currency: string): AppError {
  switch (error.code) {
    case "USER_NOT_FOUND":
      return notFound("User");
    case "INSUFFICIENT_FUNDS":
      return new AppError("BAD_REQUEST", `amountMinor would take the wallet below zero (balance ${formatMoney(money(error.balance.minor, currency))})`, {
        field: "amountMinor",
        reason: error.code,
      });
    case "TRANSFER_ID_CONFLICT":
      return new AppError("CONFLICT", "idempotencyKey was already used for a different adjustment", { field: "idempotencyKey", reason: error.code });
    default:
      throw new Error(`unexpected refusal of a wallet adjustment: ${JSON.stringify(error)}`);
  }
}

/**
 * An admin's credit or debit of a shopper's wallet, with a mandatory reason: the ledger transfer,
 * the shopper's notice and the audit entry commit together. The transfer id is derived from the
 * client's key, so a repeated request posts nothing new and answers as the first did; a debit
 * never takes the wallet below zero (the ledger's guarded debit decides, not a prior read).
 */
export async function adjustWallet(deps: CommerceDeps, admin: AdminContext, input: z.output<typeof walletAdjustmentInput>) {
  const { db, clock, ids } = deps;
  await requireSecondFactor(admin.user, input.totpCode, clock.now());
  const { currency } = await loadSettings(db.repos);
  const outcome = await transact(db.uow, async (repos): Promise<Result<Adjusted, AdjustRefusal>> => {
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
  if (!outcome.ok) throw adjustRefusal(outcome.error, currency);
  const { outboxIds, ...result } = outcome.value;
  await deps.deliver(outboxIds);
  return result;
}
