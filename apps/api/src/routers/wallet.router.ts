import { walletStatementInput, walletTopUpInput } from "@bbscart/core/schemas";
import { rest } from "../rest/meta.js";
import { walletBalanceOutput, walletStatementOutput } from "../contract/index.js";
import { authedProcedure, router } from "../trpc/init.js";

/** The signed-in user's own wallet: no procedure takes a user id, so no one can ask for another's. */
export const walletRouter = router({
  balance: authedProcedure
    .meta(rest({ tags: ["Wallet"], method: "GET", path: "/wallet", summary: "The shopper's wallet balance" }))
    .output(walletBalanceOutput)
    .query(({ ctx }) => ctx.services.wallet.balance(ctx.user)),
  statement: authedProcedure
    .meta(
      rest({
        tags: ["Wallet"],
        method: "GET",
        path: "/wallet/statement",
        paginated: true,
        summary: "Wallet entries, newest first",
        description: "Each entry with the change and the balance after it. Cursor-paginated with a `Link: <…>; rel=\"next\"` header.",
      }),
    )
    .input(walletStatementInput)
    .output(walletStatementOutput)
    .query(({ ctx, input }) => ctx.services.wallet.statement(ctx.user, input)),
  topUp: authedProcedure.input(walletTopUpInput).mutation(({ ctx, input }) => ctx.services.wallet.topUp(ctx.user, input)),
});
