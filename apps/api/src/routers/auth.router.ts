import {
  addressIdInput,
  addressInput,
  changePasswordInput,
  completeSignInInput,
  loginInput,
  regenerateRecoveryCodesInput,
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
import { accountOutput, enrolledOutput, okOutput, recoveryCodesOutput, sessionOutput, signInOutput } from "../contract/index.js";
import type { Challenged, SignedIn } from "../services/accounts/index.js";
import { afterResponse, authedProcedure, publicProcedure, router, type Context } from "../trpc/init.js";

/**
 * The web gets the refresh token as an HttpOnly cookie and never in a body; a REST client keeps
 * no cookies, so on /api/v1 it gets the token in the body instead.
 */
function deliverSession<S extends SignedIn>(ctx: Context, { refreshToken, ...session }: S) {
  if (ctx.surface === "rest") return { ...session, refreshToken };
  setRefreshCookie(ctx.res, refreshToken, ctx.services.cookies);
  return session;
}

/** A sign-in's first step answers with a session, or with a challenge that sets no cookie. */
const deliverSignIn = (ctx: Context, outcome: SignedIn | Challenged) => ("challenge" in outcome ? outcome : deliverSession(ctx, outcome));

const authTag = { tags: ["Auth"] };

/** How far a reset's work is spread after the answer: longer than the work, short beside an email's delivery. */
const RESET_JITTER_MS = 100;

/** What every address write checks, for the REST document. */
const addressRules = (more: string) =>
  "`postalCode` is a 6-digit PIN code, `phone` a 10-digit mobile number (stored as E.164, +91 unless another country code is given), " +
  "`state` the code or name of a state or union territory (stored as the code); a bad one is refused with 400 naming the field. " +
  more;

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
        description:
          "Throttled per account and per address. Answers with an access token and a refresh token; keep the refresh token in the platform's secure storage. " +
          "An account with a second factor gets a `challenge` instead: complete it at POST /api/v1/auth/login/complete with the current authenticator code or a recovery code.",
      }),
    )
    .input(loginInput)
    .output(signInOutput)
    .mutation(async ({ ctx, input }) => deliverSignIn(ctx, await ctx.services.auth.login(input, ctx.ip))),
  completeSignIn: publicProcedure
    .meta(
      rest({
        ...authTag,
        method: "POST",
        path: "/auth/login/complete",
        refusesCredentials: true,
        refuses: ["CHALLENGE_INVALID", "CHALLENGE_EXHAUSTED", "CODE_INVALID"],
        protect: false,
        summary: "Finish a sign-in with a second factor",
        description:
          "Send the challenge from POST /api/v1/auth/login with either `code` (the authenticator's 6 digits) or `recoveryCode`. A code works once; " +
          "a challenge expires after a few minutes and dies after a few wrong codes (429), after which sign in with the password again.",
      }),
    )
    .input(completeSignInInput)
    .output(sessionOutput)
    .mutation(async ({ ctx, input }) => deliverSession(ctx, await ctx.services.auth.completeSignIn(input))),
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
  addAddress: authedProcedure
    .meta(
      rest({
        ...authTag,
        method: "POST",
        path: "/auth/me/addresses",
        summary: "Save a delivery address",
        description: addressRules("Answers with the account, the new address last. At most 20 addresses."),
      }),
    )
    .input(addressInput)
    .output(accountOutput)
    .mutation(({ ctx, input }) => ctx.services.account.addAddress(ctx.user, input)),
  updateAddress: authedProcedure
    .meta(rest({ ...authTag, method: "PUT", path: "/auth/me/addresses/{addressId}", summary: "Edit a saved address", description: addressRules("Send the whole address.") }))
    .input(updateAddressInput)
    .output(accountOutput)
    .mutation(({ ctx, input }) => ctx.services.account.updateAddress(ctx.user, input)),
  setDefaultAddress: authedProcedure
    .meta(
      rest({
        ...authTag,
        method: "POST",
        path: "/auth/me/addresses/{addressId}/default",
        summary: "Make a saved address the default",
        description: "The default address comes first in the account's `addresses`; checkout preselects it when it needs no fixes.",
      }),
    )
    .input(addressIdInput)
    .output(accountOutput)
    .mutation(({ ctx, input }) => ctx.services.account.setDefaultAddress(ctx.user, input.addressId)),
  removeAddress: authedProcedure
    .meta(rest({ ...authTag, method: "DELETE", path: "/auth/me/addresses/{addressId}", summary: "Remove a saved address" }))
    .input(addressIdInput)
    .output(accountOutput)
    .mutation(({ ctx, input }) => ctx.services.account.removeAddress(ctx.user, input.addressId)),
  changePassword: authedProcedure
    .input(changePasswordInput)
    .mutation(async ({ ctx, input }) => deliverSession(ctx, await ctx.services.auth.changePassword(ctx.user, input, ctx.ip))),
  beginTotp: authedProcedure.mutation(({ ctx }) => ctx.services.factors.begin(ctx.user)),
  confirmTotp: authedProcedure
    .input(totpConfirmInput)
    .output(enrolledOutput)
    .mutation(async ({ ctx, input }) => deliverSession(ctx, await ctx.services.auth.confirmTotp(ctx.user, input.code))),
  regenerateRecoveryCodes: authedProcedure
    .input(regenerateRecoveryCodesInput)
    .output(recoveryCodesOutput)
    .mutation(({ ctx, input }) => ctx.services.factors.regenerateRecoveryCodes(ctx.user, input.code)),
});
