import {
  isDuplicateKey,
  money,
  ok,
  replayOf,
  topUpTransfer,
  transact,
  type IdempotencyRecord,
  type IntentOwner,
  type Money,
  type Repositories,
  type User,
} from "@bbscart/core";
import type { walletTopUpInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { loadSettings, refused, type CommerceDeps } from "../common/index.js";
import { applyEffects } from "../orders/index.js";
import { PaymentEventRejected } from "./rejected.js";

/** A top-up is remembered as its request key (scope `wallet_top_up`) → the intent that pays it, with the amount as the request's fingerprint. */
const fingerprint = (amount: Money) => `${amount.minor} ${amount.currency}`;
const providerKey = (userId: string, key: string) => `top_up:${userId}:${key}`;

export interface TopUpStarted {
  /** The request key: also the top-up's id in the intent's metadata. */
  topUpId: string;
  amount: Money;
  /** What the browser completes the payment with (the sandbox page, or Stripe). */
  clientSecret: string;
}

/**
 * Wallet top-ups by card. Starting one creates a payment intent (keyed by the user and the client's
 * key, so a double submit makes one intent) and records key → intent; the wallet is credited only
 * when the provider says the money was taken, by `credit`, once per intent.
 */
export function topUps(deps: Pick<CommerceDeps, "db" | "clock" | "provider" | "deliver">) {
  const { db, clock } = deps;

  async function start(user: User, input: z.output<typeof walletTopUpInput>): Promise<TopUpStarted> {
    const amount = money(input.amountMinor, (await loadSettings(db.repos)).currency);
    const reused = () => refused({ code: "IDEMPOTENCY_KEY_REUSED", what: "top-up" });
    const earlier = await db.repos.idempotency.find(user.id, "wallet_top_up", input.idempotencyKey);
    if (earlier && !replayOf(earlier, fingerprint(amount)).ok) throw reused();
    // The provider answers the same key with the same intent, so a retry after a crash here is harmless.
    const intent = await deps.provider.createIntent({
      amount,
      purpose: { kind: "top_up", id: input.idempotencyKey },
      customerId: user.id,
      idempotencyKey: providerKey(user.id, input.idempotencyKey),
    });
    if (!earlier) {
      const record: IdempotencyRecord = {
        userId: user.id,
        scope: "wallet_top_up",
        key: input.idempotencyKey,
        requestHash: fingerprint(amount),
        resultId: intent.intentId,
        createdAt: clock.now(),
        // Open until the provider's word is booked: reconciliation asks about it if no webhook comes.
        openSince: clock.now(),
      };
      await db.repos.idempotency.claim(record).catch((error: unknown) => {
        // Two first submits at once: both got the same intent from the provider; the other recorded it.
        if (!isDuplicateKey(error, "idempotency_keys.user_scope_key")) throw error;
      });
    }
    return { topUpId: input.idempotencyKey, amount, clientSecret: intent.clientSecret };
  }

  /**
   * The provider took the money: the wallet is credited and the top-up closed in the same unit of
   * work as `alsoWrite` (the event's processed mark, or reconciliation's record), after checking the
   * intent, customer and amount against our record. The webhook and reconciliation both come here:
   * the transfer id comes from the intent, so whichever commits second — a later webhook, a
   * reconciliation racing one — posts nothing new. `closed` tells `alsoWrite` whether this unit of
   * work is the one that closed the top-up.
   */
  async function credit(
    intentId: string,
    owner: IntentOwner,
    amount: Money,
    alsoWrite: (repos: Repositories, change: { closed: boolean }) => Promise<void>,
  ): Promise<{ closed: boolean }> {
    const now = clock.now();
    const credited = await transact(db.uow, async (repos) => {
      const record = await repos.idempotency.find(owner.customerId, "wallet_top_up", owner.id);
      if (!record || record.resultId !== intentId) throw new PaymentEventRejected(`no top-up ${owner.id} is paid through intent ${intentId}`);
      if (!replayOf(record, fingerprint(amount)).ok) {
        throw new PaymentEventRejected(`intent ${intentId} took ${fingerprint(amount)} but top-up ${owner.id} is for ${record.requestHash}`);
      }
      const transfer = topUpTransfer({ userId: owner.customerId, amount, paymentIntentId: intentId, now });
      const notice = {
        template: "wallet_credited" as const,
        userId: owner.customerId,
        dedupeKey: `topup:${intentId}`,
        data: { amountMinor: String(amount.minor) },
      };
      const applied = await applyEffects(repos, [{ type: "post_transfers", transfers: [transfer] }, { type: "notify", notification: notice }], {
        now,
        currency: amount.currency,
      });
      if (!applied.ok) return applied;
      const closed = await repos.idempotency.close(owner.customerId, "wallet_top_up", owner.id);
      await alsoWrite(repos, { closed });
      return ok({ outboxIds: applied.value.outboxIds, closed });
    });
    if (!credited.ok) throw new PaymentEventRejected(`top-up ${owner.id} could not be credited: ${credited.error.code}`);
    deps.deliver(credited.value.outboxIds);
    return { closed: credited.value.closed };
  }

  return { start, credit };
}
