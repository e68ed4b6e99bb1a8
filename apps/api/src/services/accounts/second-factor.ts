import type { Clock, DatabaseHandle, SecondFactor, User } from "@bbscart/core";
import { UnreadableSecret, type SecretSealer } from "../../auth/sealed-secret.js";
import { recoveryCodes, totp } from "../../auth/totp.js";
import { AppError, refused } from "../common/index.js";

export interface SecondFactorDeps {
  db: DatabaseHandle;
  clock: Clock;
  sealer: SecretSealer;
}

/** A step-up check for a sensitive action: resolves when allowed, refuses (FORBIDDEN) otherwise. */
export type StepUp = (user: User, code: string | undefined) => Promise<void>;

const confirmed = (user: User): SecondFactor | null => (user.totp?.confirmedAt ? user.totp : null);

/**
 * TOTP second factors: enrolment, code checks and recovery codes. One rule holds everywhere a code
 * is accepted (sign-in, step-up, regenerating recovery codes): the code's time step is recorded with
 * a guarded write, so a code works once and never after a later one; a recovery code is removed as
 * it is used. Secrets are sealed at rest; a plain or previous-key secret is re-sealed when read.
 */
export function secondFactors({ db, clock, sealer }: SecondFactorDeps) {
  /** The plain secret; a legacy plain or previous-key value is re-sealed (only if unchanged meanwhile). */
  const reveal = async (user: User, factor: SecondFactor): Promise<string> => {
    let opened;
    try {
      opened = sealer.open(user.id, factor.secret);
    } catch (error) {
      if (!(error instanceof UnreadableSecret)) throw error;
      throw new AppError("PRECONDITION_FAILED", "Your authenticator secret cannot be read with this server's key; use a recovery code", {
        reason: "TOTP_UNREADABLE",
      });
    }
    if (opened.resealed) await db.repos.users.replaceTotpSecret(user.id, factor.secret, opened.resealed);
    return opened.plain;
  };

  /** Issues a fresh set of recovery codes: the codes to show once, and their hashes to store. */
  const issueRecoveryCodes = () => {
    const codes = recoveryCodes.issue();
    return { codes, hashes: codes.map((code) => recoveryCodes.hash(code)) };
  };

  const acceptCode = async (user: User, code: string): Promise<boolean> => {
    const factor = confirmed(user);
    if (!factor) return false;
    const step = await totp.match(await reveal(user, factor), code, clock.now());
    return step !== null && (await db.repos.users.acceptTotpStep(user.id, step));
  };

  /**
   * Step-up for sensitive admin actions (role changes, wallet adjustments): once enrolled, the
   * action needs a current, unused code; before that, the signed-in session suffices.
   */
  const stepUp: StepUp = async (user, code) => {
    if (!confirmed(user)) return;
    if (code === undefined) {
      throw refused({ code: "TOTP_REQUIRED" });
    }
    if (!(await acceptCode(user, code))) {
      throw refused({ code: "TOTP_INVALID" });
    }
  };

  return {
    /** Whether `user` must give a code to sign in. */
    enrolled: (user: User): boolean => confirmed(user) !== null,

    /** A current code not used before: true once, and the code's step is spent. */
    acceptCode,

    /** One unused recovery code: true once, and the code is gone. */
    acceptRecoveryCode: async (user: User, code: string): Promise<boolean> =>
      confirmed(user) !== null && (await db.repos.users.consumeRecoveryCode(user.id, recoveryCodes.hash(code))),

    stepUp,

    /** Starts (or restarts) enrolment: a new secret, sealed, active only once a code from it is confirmed. */
    async begin(user: User): Promise<{ secret: string; uri: string }> {
      if (confirmed(user)) throw new AppError("CONFLICT", "A second factor is already enrolled");
      const secret = totp.newSecret();
      const updated = await db.repos.users.update(user.id, {
        totp: { secret: sealer.seal(user.id, secret), confirmedAt: null, lastStep: null, recoveryCodes: [] },
        updatedAt: clock.now(),
      });
      if (!updated) throw new AppError("NOT_FOUND", "Account not found");
      return { secret, uri: totp.uri(secret, user.email) };
    },

    /**
     * Confirms enrolment with a first code: the factor becomes active, with its step recorded and a
     * new set of recovery codes, whose plain form is returned to be shown once.
     */
    async confirm(user: User, code: string): Promise<{ recoveryCodes: string[] }> {
      const pending = user.totp;
      if (!pending || pending.confirmedAt) throw new AppError("PRECONDITION_FAILED", "Start enrolment first");
      const step = await totp.match(await reveal(user, pending), code, clock.now());
      if (step === null) throw new AppError("BAD_REQUEST", "That code is not valid; check your authenticator app's clock", { field: "code" });
      const issued = issueRecoveryCodes();
      const done = await db.uow.run(async (repos) => {
        const current = await repos.users.findById(user.id);
        // Another tab restarted or finished enrolment meanwhile: this code belongs to another secret.
        if (!current?.totp || current.totp.confirmedAt || current.totp.secret !== pending.secret) return false;
        await repos.users.update(user.id, {
          totp: { secret: current.totp.secret, confirmedAt: clock.now(), lastStep: step, recoveryCodes: issued.hashes },
          updatedAt: clock.now(),
        });
        return true;
      });
      if (!done) throw new AppError("CONFLICT", "Enrolment changed in another window; start again", { field: "code" });
      return { recoveryCodes: issued.codes };
    },

    /** Replaces every recovery code (used or not) with a new set; needs a current, unused code. */
    async regenerateRecoveryCodes(user: User, code: string): Promise<{ recoveryCodes: string[] }> {
      if (!confirmed(user)) throw new AppError("PRECONDITION_FAILED", "Enrol a second factor first");
      if (!(await acceptCode(user, code))) {
        throw new AppError("BAD_REQUEST", "That code is not valid or was used already; wait for the next one", { field: "code" });
      }
      const issued = issueRecoveryCodes();
      await db.uow.run(async (repos) => {
        const current = await repos.users.findById(user.id);
        if (!current?.totp?.confirmedAt) throw new AppError("PRECONDITION_FAILED", "Enrol a second factor first");
        await repos.users.update(user.id, { totp: { ...current.totp, recoveryCodes: issued.hashes }, updatedAt: clock.now() });
      });
      return { recoveryCodes: issued.codes };
    },
  };
}

export type SecondFactors = ReturnType<typeof secondFactors>;
