import { walletStatementInput, walletTopUpInput } from "@bbscart/core/schemas";
import { authedProcedure, router } from "../trpc/init.js";

/** The signed-in user's own wallet: no procedure takes a user id, so no one can ask for another's. */
export const walletRouter = router({
  balance: authedProcedure.query(({ ctx }) => ctx.services.wallet.balance(ctx.user)),
  statement: authedProcedure.input(walletStatementInput).query(({ ctx, input }) => ctx.services.wallet.statement(ctx.user, input)),
  topUp: authedProcedure.input(walletTopUpInput).mutation(({ ctx, input }) => ctx.services.wallet.topUp(ctx.user, input)),
});
