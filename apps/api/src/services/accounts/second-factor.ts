import type { User } from "@bbscart/core";
import { totp } from "../../auth/totp.js";
import { refused } from "../common/index.js";

/**
 * Step-up for sensitive admin actions (role changes, wallet adjustments): once an admin has enrolled
 * TOTP, the action needs a current code; before that, the password-backed session suffices.
 */
export async function requireSecondFactor(user: User, code: string | undefined, now: Date): Promise<void> {
  if (!user.totp?.confirmedAt) return;
  if (code === undefined) {
    throw refused({ code: "TOTP_REQUIRED" });
  }
  if (!(await totp.check(user.totp.secret, code, now))) {
    throw refused({ code: "TOTP_INVALID" });
  }
}
