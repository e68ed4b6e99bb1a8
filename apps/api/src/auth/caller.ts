import { actorFor, hasPermission, type Actor, type AdminPermission, type User, type UserRepository } from "@bbscart/core";
import { InvalidAccessToken, type AccessTokens } from "./tokens.js";

/*
 * Who is calling: shared by the tRPC procedures and the plain Express admin routes (uploads), so
 * both authenticate and authorise by exactly the same rules.
 */

/** The bearer token's subject, or why it was refused; null when none was sent. */
export type Bearer = { userId: string; sessionId: string } | { error: string } | null;

/** Reads `Authorization: Bearer <jwt>`. */
export function readBearer(tokens: AccessTokens, header: string | undefined): Bearer {
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
  if (!match) return { error: "malformed authorization header" };
  try {
    const claims = tokens.verify(match[1]!);
    return { userId: claims.sub, sessionId: claims.sid };
  } catch (error) {
    if (!(error instanceof InvalidAccessToken)) throw error;
    return { error: error.message };
  }
}

/**
 * The signed-in user, read from the database on every request (the token only names the user and
 * the sign-in), so a demoted or disabled account, or a sign-in that ended (logout, refresh-token
 * reuse, password change or reset), loses access at once; otherwise why the caller is anonymous.
 */
export async function loadCaller(users: UserRepository, bearer: Bearer): Promise<{ user: User; actor: Actor } | { refusal: string }> {
  if (!bearer) return { refusal: "Sign in to continue" };
  if ("error" in bearer) return { refusal: "Your session has expired; sign in again" };
  const user = await users.findSignedIn(bearer.userId, bearer.sessionId);
  const actor = user ? actorFor(user) : null;
  return user && actor ? { user, actor } : { refusal: "Sign in to continue" };
}

/**
 * Why a signed-in caller may not use an admin capability, or null when they may. Where the store
 * requires a second factor, an unenrolled admin's session is a limited one: it reaches the account
 * procedures (enrolment among them) and no admin capability until enrolment is confirmed, which
 * also ends every sign-in opened without a code (an enrolled admin signs in with one).
 */
export function adminRefusal(
  user: User,
  actor: Actor,
  permission: AdminPermission,
  adminTotpRequired: boolean,
): { message: string; reason?: string } | null {
  if (user.role !== "admin") return { message: "This needs an admin account" };
  if (adminTotpRequired && !user.totp?.confirmedAt) {
    return { message: "Enrol a second factor under My security before using the admin console", reason: "TOTP_ENROLMENT_REQUIRED" };
  }
  if (!hasPermission(actor, permission)) return { message: `This needs the ${permission} permission` };
  return null;
}
