import {
  addressIdInput,
  addressInput,
  changePasswordInput,
  loginInput,
  refreshTokenInput,
  registerInput,
  requestPasswordResetInput,
  resetPasswordInput,
  totpConfirmInput,
  updateAddressInput,
  updateProfileInput,
} from "@bbscart/core/schemas";
import { setRefreshCookie } from "../http/refresh-cookie.js";
import { rest } from "../rest/meta.js";
import { accountOutput, okOutput, sessionOutput } from "../contract/index.js";
import type { SignedIn } from "../services/accounts/index.js";
import { afterResponse, authedProcedure, publicProcedure, router, type Context } from "../trpc/init.js";

/**
 * The web gets the refresh token as an HttpOnly cookie and never in a body; a REST client keeps
 * no cookies, so on /api/v1 it gets the token in the body instead.
 */
function deliverSession(ctx: Context, { refreshToken, ...session }: SignedIn) {
  if (ctx.surface === "rest") return { ...session, refreshToken };
  setRefreshCookie(ctx.res, refreshToken, ctx.services.cookies);
  return session;
}

const authTag = { tags: ["Auth"] };

/** How far a reset's work is spread after the answer: longer than the work, short beside an email's delivery. */
const RESET_JITTER_MS = 100;

export const authRouter = router({
  register: publicProcedure
    .meta(
      rest({
        ...authTag,
        method: "POST",
        path: "/auth/register",
        protect: false,
        summary: "Create a shopper account and sign in",
        description: "Answers with an access token (send it as `Authorization: Bearer …`) and a refresh token.",
      }),
    )
    .input(registerInput)
    .output(sessionOutput)
    .mutation(async ({ ctx, input }) => deliverSession(ctx, await ctx.services.auth.register(input, ctx.ip))),
  login: publicProcedure
    .meta(
      rest({
        ...authTag,
        method: "POST",
        path: "/auth/login",
        refusesCredentials: true,
        protect: false,
        summary: "Sign in with email and password",
        description: "Throttled per account and per address. Answers with an access token and a refresh token; keep the refresh token in the platform's secure storage.",
      }),
    )
    .input(loginInput)
    .output(sessionOutput)
    .mutation(async ({ ctx, input }) => deliverSession(ctx, await ctx.services.auth.login(input, ctx.ip))),
  refresh: publicProcedure
    .meta(
      rest({
        ...authTag,
        method: "POST",
        path: "/auth/refresh",
        refusesCredentials: true,
        protect: false,
        summary: "Trade a refresh token for a new pair",
        description:
          "Each refresh token works once: the answer carries its successor. Presenting a used token again (after a short grace for concurrent retries) " +
          "is treated as theft and signs out every device of that sign-in, answering 401.",
      }),
    )
    .input(refreshTokenInput)
    .output(sessionOutput)
    .mutation(async ({ ctx, input }) => deliverSession(ctx, await ctx.services.auth.refresh(input.refreshToken))),
  logout: publicProcedure
    .meta(rest({ ...authTag, method: "POST", path: "/auth/logout", protect: false, summary: "End the sign-in the refresh token belongs to" }))
    .input(refreshTokenInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.auth.logout(input.refreshToken);
      return { ok: true as const };
    }),
  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(async ({ ctx, input }) => {
    await ctx.services.auth.requestPasswordReset(input.email, ctx.ip, afterResponse(ctx, RESET_JITTER_MS));
    return { ok: true as const };
  }),
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    await ctx.services.auth.resetPassword(input, ctx.ip);
    return { ok: true as const };
  }),

  me: authedProcedure
    .meta(rest({ ...authTag, method: "GET", path: "/auth/me", summary: "The signed-in account", description: "Profile, role, permissions and saved addresses." }))
    .output(accountOutput)
    .query(({ ctx }) => ctx.services.account.me(ctx.user)),
  updateProfile: authedProcedure.input(updateProfileInput).mutation(({ ctx, input }) => ctx.services.account.updateProfile(ctx.user, input)),
  addAddress: authedProcedure.input(addressInput).mutation(({ ctx, input }) => ctx.services.account.addAddress(ctx.user, input)),
  updateAddress: authedProcedure.input(updateAddressInput).mutation(({ ctx, input }) => ctx.services.account.updateAddress(ctx.user, input)),
  removeAddress: authedProcedure.input(addressIdInput).mutation(({ ctx, input }) => ctx.services.account.removeAddress(ctx.user, input.addressId)),
  changePassword: authedProcedure
    .input(changePasswordInput)
    .mutation(async ({ ctx, input }) => deliverSession(ctx, await ctx.services.auth.changePassword(ctx.user, input, ctx.ip))),
  beginTotp: authedProcedure.mutation(({ ctx }) => ctx.services.account.beginTotp(ctx.user)),
  confirmTotp: authedProcedure.input(totpConfirmInput).mutation(({ ctx, input }) => ctx.services.account.confirmTotp(ctx.user, input.code)),
});
