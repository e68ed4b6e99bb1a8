import {
  addressIdInput,
  addressInput,
  changePasswordInput,
  loginInput,
  registerInput,
  requestPasswordResetInput,
  resetPasswordInput,
  totpConfirmInput,
  updateAddressInput,
  updateProfileInput,
} from "@bbscart/core/schemas";
import { setRefreshCookie } from "../http/refresh-cookie.js";
import type { SignedIn } from "../services/auth.service.js";
import { authedProcedure, publicProcedure, router, type Context } from "../trpc/init.js";

/** Sets the refresh cookie and returns the rest: the refresh token never appears in a body. */
function deliverSession(ctx: Context, { refreshToken, ...session }: SignedIn) {
  setRefreshCookie(ctx.res, refreshToken, ctx.services.cookies);
  return session;
}

export const authRouter = router({
  register: publicProcedure
    .input(registerInput)
    .mutation(async ({ ctx, input }) => deliverSession(ctx, await ctx.services.auth.register(input))),
  login: publicProcedure
    .input(loginInput)
    .mutation(async ({ ctx, input }) => deliverSession(ctx, await ctx.services.auth.login(input, ctx.ip))),
  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(async ({ ctx, input }) => {
    await ctx.services.auth.requestPasswordReset(input.email);
    return { ok: true as const };
  }),
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    await ctx.services.auth.resetPassword(input);
    return { ok: true as const };
  }),

  me: authedProcedure.query(({ ctx }) => ctx.services.account.me(ctx.user)),
  updateProfile: authedProcedure.input(updateProfileInput).mutation(({ ctx, input }) => ctx.services.account.updateProfile(ctx.user, input)),
  addAddress: authedProcedure.input(addressInput).mutation(({ ctx, input }) => ctx.services.account.addAddress(ctx.user, input)),
  updateAddress: authedProcedure.input(updateAddressInput).mutation(({ ctx, input }) => ctx.services.account.updateAddress(ctx.user, input)),
  removeAddress: authedProcedure.input(addressIdInput).mutation(({ ctx, input }) => ctx.services.account.removeAddress(ctx.user, input.addressId)),
  changePassword: authedProcedure
    .input(changePasswordInput)
    .mutation(async ({ ctx, input }) => deliverSession(ctx, await ctx.services.auth.changePassword(ctx.user, input))),
  beginTotp: authedProcedure.mutation(({ ctx }) => ctx.services.account.beginTotp(ctx.user)),
  confirmTotp: authedProcedure.input(totpConfirmInput).mutation(({ ctx, input }) => ctx.services.account.confirmTotp(ctx.user, input.code)),
});
