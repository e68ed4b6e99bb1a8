import { adminWalletStatementInput, walletAdjustmentInput } from "@bbscart/core/schemas";
import { rest } from "../rest/meta.js";
import { walletAdjustmentOutput } from "../contract/index.js";
import { adminProcedure, router } from "../trpc/init.js";

export const adminWalletRouter = router({
  statement: adminProcedure("wallet.adjust")
    .input(adminWalletStatementInput)
    .query(({ ctx, input }) => ctx.services.wallet.adminStatement(input)),
  adjust: adminProcedure("wallet.adjust")
    .meta(
      rest({
        tags: ["Admin"],
        method: "POST",
        path: "/admin/wallets/{userId}/adjustments",
        refuses: ["USER_NOT_FOUND", "ADJUSTMENT_EXCEEDS_BALANCE", "IDEMPOTENCY_KEY_REUSED", "TOTP_REQUIRED", "TOTP_INVALID"],
        summary: "Credit or debit a shopper's wallet",
        description:
          "Needs the `wallet.adjust` permission. Positive `amountMinor` credits, negative debits; the reason is audited. " +
          "The `idempotencyKey` makes a retried request move the money once (`replayed: true`).",
      }),
    )
    .input(walletAdjustmentInput)
    .output(walletAdjustmentOutput)
    .mutation(({ ctx, input }) => ctx.services.wallet.adjust({ user: ctx.user, actor: ctx.actor, requestId: ctx.requestId }, input)),
});
