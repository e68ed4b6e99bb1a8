import { adminWalletStatementInput, walletAdjustmentInput } from "@bbscart/core/schemas";
import { adminProcedure, router } from "../trpc/init.js";

export const adminWalletRouter = router({
  statement: adminProcedure("wallet.adjust")
    .input(adminWalletStatementInput)
    .query(({ ctx, input }) => ctx.services.wallet.adminStatement(input)),
  adjust: adminProcedure("wallet.adjust")
    .input(walletAdjustmentInput)
    .mutation(({ ctx, input }) => ctx.services.wallet.adjust({ user: ctx.user, actor: ctx.actor, requestId: ctx.requestId }, input)),
});
