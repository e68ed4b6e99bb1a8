import { allOf } from "../enum.js";

/** Roles decide which procedures a caller may reach; admin permissions refine the admin role. */
export const ROLES = ["shopper", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ADMIN_PERMISSIONS = [
  "orders.manage",
  "catalog.manage",
  "users.manage",
  "customers.view",
  "wallet.adjust",
  "refunds.issue",
  "settings.manage",
  "operations.view",
] as const;
export type AdminPermission = (typeof ADMIN_PERMISSIONS)[number];

export interface Address {
  readonly id: string;
  readonly label: string | null;
  readonly name: string;
  readonly phone: string;
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
  readonly country: string;
}

/** An account's TOTP enrolment as stored. */
export interface SecondFactor {
  /** The shared secret, sealed by the API (encrypted with a server key); never the plain secret. */
  readonly secret: string;
  readonly confirmedAt: Date | null;
  /**
   * The time step (Unix seconds / 30) of the last code accepted: a code of that step or an earlier
   * one is refused, so a code seen over a shoulder or in a log cannot be replayed.
   */
  readonly lastStep: number | null;
  /** Hashes of the recovery codes not used yet (each works once, in place of a code). */
  readonly recoveryCodes: readonly string[];
}

export interface User {
  readonly id: string;
  /** Stored lower-cased and trimmed (see `normalizeEmail`); unique. */
  readonly email: string;
  readonly name: string;
  readonly phone: string | null;
  readonly passwordHash: string;
  readonly role: Role;
  /** Empty for shoppers. An admin with no permissions can only look. */
  readonly permissions: readonly AdminPermission[];
  readonly disabled: boolean;
  readonly addresses: readonly Address[];
  /**
   * Second factor. `confirmedAt` is null while enrolment awaits the first valid code; only a
   * confirmed secret is required at sign-in and for sensitive actions.
   */
  readonly totp: SecondFactor | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/**
 * Who triggers a decision. The order machine and the audit log record it; guards check it.
 * `system` is the worker or a scheduled job, named by `process`.
 */
export type Actor =
  | { readonly kind: "shopper"; readonly userId: string }
  | { readonly kind: "admin"; readonly userId: string; readonly permissions: readonly AdminPermission[] }
  | { readonly kind: "system"; readonly process: string };

export type ActorKind = Actor["kind"];
export const ACTOR_KINDS = allOf<ActorKind>()(["shopper", "admin", "system"]);

/** One spelling per mailbox, so the unique index on email catches "A@x.com" vs "a@x.com". */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Whether this account can manage users now: an enabled admin holding `users.manage`. The store
 * always keeps at least one (see `UserRepository.updateAccess`), or nobody could ever manage
 * accounts again.
 */
export function managesUsers(user: Pick<User, "role" | "disabled" | "permissions">): boolean {
  return user.role === "admin" && !user.disabled && user.permissions.includes("users.manage");
}

/** Whether applying an access patch to `user` takes user management away from them. */
export function losesUserManagement(
  user: Pick<User, "role" | "disabled" | "permissions">,
  patch: { readonly role?: Role; readonly disabled?: boolean; readonly permissions?: readonly AdminPermission[] },
): boolean {
  return (
    managesUsers(user) &&
    !managesUsers({ role: patch.role ?? user.role, disabled: patch.disabled ?? user.disabled, permissions: patch.permissions ?? user.permissions })
  );
}

/** The actor a signed-in user acts as; disabled users act as nobody. */
export function actorFor(user: User): Actor | null {
  if (user.disabled) return null;
  return user.role === "admin"
    ? { kind: "admin", userId: user.id, permissions: user.permissions }
    : { kind: "shopper", userId: user.id };
}

/**
 * Permissions that come with another: whoever manages accounts must see them, so `users.manage`
 * includes the read-only customers view that support staff get alone.
 */
const INCLUDED: Readonly<Record<string, readonly AdminPermission[]>> = { "users.manage": ["customers.view"] };

/** Whether a set of permissions (as stored or as a session lists them) grants `permission`, itself or through one that includes it. */
export function grants(held: readonly string[], permission: AdminPermission): boolean {
  return held.includes(permission) || held.some((p) => INCLUDED[p]?.includes(permission) ?? false);
}

/** True for an admin actor holding `permission`. Shoppers and the system hold none. */
export function hasPermission(actor: Actor, permission: AdminPermission): boolean {
  return actor.kind === "admin" && grants(actor.permissions, permission);
}

/**
 * A new, enabled account with an empty address book and no second factor. The email is normalised
 * here so every way of creating an account (sign-up, seed, admin) agrees on its spelling.
 */
export function newUser(input: {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  passwordHash: string;
  role?: Role;
  permissions?: readonly AdminPermission[];
  now: Date;
}): User {
  const role = input.role ?? "shopper";
  return {
    id: input.id,
    email: normalizeEmail(input.email),
    name: input.name,
    phone: input.phone,
    passwordHash: input.passwordHash,
    role,
    permissions: role === "admin" ? [...(input.permissions ?? [])] : [],
    disabled: false,
    addresses: [],
    totp: null,
    createdAt: input.now,
    updatedAt: input.now,
  };
}
