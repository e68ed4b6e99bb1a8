import {
  checkPasswordResetToken,
  isDuplicateKey,
  newUser,
  normalizeEmail,
  outboxMessagesFor,
  type Clock,
  type DatabaseHandle,
  type IdGenerator,
  type User,
} from "@bbscart/core";
import type { completeSignInInput, loginInput, registerInput, resetPasswordInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { hashPassword, verifyPassword } from "../../auth/passwords.js";
import { InvalidChallenge, passwordDigest, type SignInChallenges } from "../../auth/challenges.js";
import { hashToken, resetTokenFor, type AccessTokens } from "../../auth/tokens.js";
import type { ChallengeGuard } from "../../security/challenge-guard.js";
import type { AuthBudget } from "../../security/auth-budget.js";
import type { LoginThrottle, ThrottleVerdict } from "../../security/login-throttle.js";
import { accountView, type AccountView } from "./account-view.js";
import { AppError, refused } from "../common/index.js";
import type { SecondFactors } from "./second-factor.js";
import type { Sessions, SignIn } from "./sessions.js";

export interface AuthDeps {
  db: DatabaseHandle;
  clock: Clock;
  ids: IdGenerator;
  sessions: Sessions;
  tokens: AccessTokens;
  throttle: LoginThrottle;
  /** Per-address and per-account budget of the calls that hash passwords or send email. */
  budget: AuthBudget;
  /** Derives password-reset tokens; shared by every process. */
  secret: string;
  resetTtlMinutes: number;
  /** Rings the worker for committed outbox messages, without waiting (queue-outbox.ts). */
  deliver: (outboxIds: readonly string[]) => void;
  factors: SecondFactors;
  challenges: SignInChallenges;
  /** Counts code attempts per challenge and lets each complete once. */
  challengeGuard: ChallengeGuard;
}

export interface SignedIn {
  account: AccountView;
  accessToken: string;
  expiresIn: number;
  /** For the HttpOnly cookie; never in a response body. */
  refreshToken: string;
}

/** The password was right and the account has a second factor: the sign-in continues with a code. */
export interface Challenged {
  challenge: { token: string; expiresIn: number };
}

const badCredentials = () => new AppError("UNAUTHORIZED", "Email or password is incorrect");

function refuseIfThrottled(verdict: ThrottleVerdict, message: string): void {
  if (!verdict.allowed) throw new AppError("TOO_MANY_REQUESTS", message, { retryAfterSeconds: verdict.retryAfterSeconds });
}

/** Registration, sign-in, refresh, sign-out and password recovery. */
export function authService(deps: AuthDeps) {
  const { db, clock, ids, sessions, tokens, factors } = deps;
  /** Every expensive call spends its unit first, before any hashing, lookup or email. */
  const spend = async (ip: string, account: string | null) =>
    refuseIfThrottled(await deps.budget.spend(ip, account), "Too many account requests; try again shortly");

  const signedIn = (user: User, { refreshToken, familyId }: SignIn): SignedIn => {
    const access = tokens.sign({ sub: user.id, sid: familyId });
    return { account: accountView(user), accessToken: access.token, expiresIn: access.expiresIn, refreshToken };
  };

  /** Stores a reset for the account with this email, if there is an enabled one, and queues its email. */
  const startPasswordReset = async (email: string): Promise<void> => {
    const user = await db.repos.users.findByEmail(email);
    if (!user || user.disabled) return;
    const now = clock.now();
    const resetId = ids.next();
    const messages = outboxMessagesFor(
      {
        template: "password_reset",
        userId: user.id,
        dedupeKey: `password_reset:${resetId}`,
        data: { resetId, expiresInMinutes: String(deps.resetTtlMinutes) },
      },
      ["email"],
      now,
    );
    await db.uow.run(async (repos) => {
      await repos.passwordResets.create({
        id: resetId,
        userId: user.id,
        tokenHash: hashToken(resetTokenFor(resetId, deps.secret)),
        createdAt: now,
        expiresAt: new Date(now.getTime() + deps.resetTtlMinutes * 60_000),
        usedAt: null,
      });
      for (const message of messages) await repos.outbox.enqueue(message);
    });
    deps.deliver(messages.map((message) => message.id));
  };

  return {
    async register(input: z.output<typeof registerInput>, ip: string): Promise<SignedIn> {
      await spend(ip, normalizeEmail(input.email));
      const user = newUser({
        id: ids.next(),
        email: input.email,
        name: input.name,
        phone: input.phone,
        passwordHash: await hashPassword(input.password),
        now: clock.now(),
      });
      try {
        const signIn = await db.uow.run(async (repos) => {
          await repos.users.create(user);
          return sessions.start(repos, user.id);
        });
        return signedIn(user, signIn);
      } catch (error) {
        if (isDuplicateKey(error, "users.email")) {
          throw new AppError("CONFLICT", "An account with this email already exists", { field: "email" });
        }
        throw error;
      }
    },

    /**
     * The password step. An account without a second factor is signed in; one with a factor gets
     * only a challenge, and its sign-in throttle unit stays spent until the challenge completes, so
     * an attacker holding the password pays for every challenge they use to guess codes.
     */
    async login(input: z.output<typeof loginInput>, ip: string): Promise<SignedIn | Challenged> {
      const email = normalizeEmail(input.email);
      await spend(ip, email);
      // Reserved before the check, so concurrent attempts can never check more than the limit.
      refuseIfThrottled(await deps.throttle.reserve(email, ip), "Too many sign-in attempts; try again later");
      const user = await db.repos.users.findByEmail(email);
      const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
      if (!user || !valid || user.disabled) throw badCredentials();
      if (factors.enrolled(user)) {
        const { token, expiresIn } = deps.challenges.issue({ sub: user.id, passwordDigest: passwordDigest(user.passwordHash), ip });
        return { challenge: { token, expiresIn } };
      }
      await deps.throttle.succeeded(email, ip);
      return signedIn(user, await db.uow.run((repos) => sessions.start(repos, user.id)));
    },

    /**
     * The code step: a live challenge (right key and audience, unexpired, its attempts not spent,
     * its account unchanged since: same password, still enabled, still enrolled) and a current
     * unused code or an unused recovery code start the session the password alone did not.
     */
    async completeSignIn(input: z.output<typeof completeSignInInput>): Promise<SignedIn> {
      const ended = () => refused({ code: "CHALLENGE_INVALID" });
      let claims;
      try {
        claims = deps.challenges.verify(input.challenge);
      } catch (error) {
        if (error instanceof InvalidChallenge) throw ended();
        throw error;
      }
      if (!(await deps.challengeGuard.tryCode(claims.attempt))) {
        throw refused({ code: "CHALLENGE_EXHAUSTED" });
      }
      if (await deps.challengeGuard.completed(claims.attempt)) throw ended();
      const user = await db.repos.users.findById(claims.sub);
      if (!user || user.disabled || !factors.enrolled(user) || passwordDigest(user.passwordHash) !== claims.passwordDigest) throw ended();
      const accepted =
        input.code !== undefined ? await factors.acceptCode(user, input.code) : await factors.acceptRecoveryCode(user, input.recoveryCode ?? "");
      if (!accepted) {
        throw refused({ code: "CODE_INVALID", field: input.code !== undefined ? "code" : "recoveryCode" });
      }
      if (!(await deps.challengeGuard.complete(claims.attempt))) throw ended();
      await deps.throttle.succeeded(user.email, claims.ip);
      const fresh = (await db.repos.users.findById(user.id)) ?? user;
      return signedIn(fresh, await db.uow.run((repos) => sessions.start(repos, user.id)));
    },

    /**
     * Confirms TOTP enrolment with a first code. Every other sign-in of the account ends (they were
     * opened by a password alone); this device continues on the new sign-in in the answer, which
     * also carries the recovery codes, shown this once.
     */
    async confirmTotp(user: User, code: string): Promise<SignedIn & { recoveryCodes: string[] }> {
      const { recoveryCodes } = await factors.confirm(user, code);
      const signIn = await db.uow.run(async (repos) => {
        await repos.sessions.revokeAllForUser(user.id, clock.now());
        return sessions.start(repos, user.id);
      });
      const enrolled = (await db.repos.users.findById(user.id)) ?? user;
      return { ...signedIn(enrolled, signIn), recoveryCodes };
    },

    async refresh(presented: string): Promise<Omit<SignedIn, "account"> & { account: AccountView }> {
      const outcome = await db.uow.run((repos) => sessions.rotate(repos, presented));
      if (outcome.kind !== "rotated") throw new AppError("UNAUTHORIZED", "Your session has ended; please sign in again");
      const user = await db.repos.users.findById(outcome.userId);
      if (!user || user.disabled) throw new AppError("UNAUTHORIZED", "Your session has ended; please sign in again");
      return signedIn(user, outcome);
    },

    async logout(presented: string): Promise<void> {
      await db.uow.run((repos) => sessions.end(repos, presented));
    },

    /**
     * Always "ok", and the same work before answering whether or not the email has an account:
     * only the budget is spent now; looking the account up, storing the reset and queueing the
     * email happen in `later`, after the answer has gone, so its timing tells nothing.
     */
    async requestPasswordReset(rawEmail: string, ip: string, later: (work: () => Promise<void>) => void): Promise<void> {
      const email = normalizeEmail(rawEmail);
      await spend(ip, email);
      later(() => startPasswordReset(email));
    },

    /** Sets a new password from a reset link; every session of the account ends. */
    async resetPassword(input: z.output<typeof resetPasswordInput>, ip: string): Promise<void> {
      await spend(ip, null);
      const invalid = () => new AppError("BAD_REQUEST", "This reset link is invalid or has expired", { field: "token" });
      const passwordHash = await hashPassword(input.newPassword);
      await db.uow.run(async (repos) => {
        const now = clock.now();
        const token = await repos.passwordResets.findByHash(hashToken(input.token));
        if (!token || !checkPasswordResetToken(token, now).ok) throw invalid();
        if (!(await repos.passwordResets.consume(token.id, now))) throw invalid();
        await repos.users.update(token.userId, { passwordHash, updatedAt: now });
        await repos.sessions.revokeAllForUser(token.userId, now);
      });
    },

    /**
     * Changes the password after checking the current one. Every sign-in ends, with its access
     * tokens; this device continues on the new sign-in the answer carries.
     */
    async changePassword(user: User, input: { currentPassword: string; newPassword: string }, ip: string): Promise<SignedIn> {
      await spend(ip, user.email);
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw new AppError("BAD_REQUEST", "The current password is incorrect", { field: "currentPassword" });
      }
      const passwordHash = await hashPassword(input.newPassword);
      const signIn = await db.uow.run(async (repos) => {
        const now = clock.now();
        await repos.users.update(user.id, { passwordHash, updatedAt: now });
        await repos.sessions.revokeAllForUser(user.id, now);
        return sessions.start(repos, user.id);
      });
      return signedIn({ ...user, passwordHash }, signIn);
    },
  };
}

export type AuthService = ReturnType<typeof authService>;
