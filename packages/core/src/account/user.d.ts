/** Roles decide which procedures a caller may reach; admin permissions refine the admin role. */
export declare const ROLES: readonly ["shopper", "admin"];
export type Role = (typeof ROLES)[number];
export declare const ADMIN_PERMISSIONS: readonly ["orders.manage", "catalog.manage", "users.manage", "wallet.adjust", "refunds.issue", "settings.manage", "operations.view"];
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
     * Second factor (admins). `confirmedAt` is null while enrolment awaits the first valid code;
     * only a confirmed secret is required at sign-in and for sensitive actions.
     */
    readonly totp: {
        readonly secret: string;
        readonly confirmedAt: Date | null;
    } | null;
    readonly createdAt: Date;
    readonly updatedAt: Date;
}
/**
 * Who triggers a decision. The order machine and the audit log record it; guards check it.
 * `system` is the worker or a scheduled job, named by `process`.
 */
export type Actor = {
    readonly kind: "shopper";
    readonly userId: string;
} | {
    readonly kind: "admin";
    readonly userId: string;
    readonly permissions: readonly AdminPermission[];
} | {
    readonly kind: "system";
    readonly process: string;
};
export type ActorKind = Actor["kind"];
export declare const ACTOR_KINDS: readonly ["shopper", "admin", "system"];
/** One spelling per mailbox, so the unique index on email catches "A@x.com" vs "a@x.com". */
export declare function normalizeEmail(email: string): string;
/** The actor a signed-in user acts as; disabled users act as nobody. */
/**
 * Whether this account can manage users now: an enabled admin holding `users.manage`. The store
 * always keeps at least one (see `UserRepository.updateAccess`), or nobody could ever manage
 * accounts again.
 */
export declare function managesUsers(user: Pick<User, "role" | "disabled" | "permissions">): boolean;
/** Whether applying an access patch to `user` takes user management away from them. */
export declare function losesUserManagement(user: Pick<User, "role" | "disabled" | "permissions">, patch: {
    readonly role?: Role;
    readonly disabled?: boolean;
    readonly permissions?: readonly AdminPermission[];
}): boolean;
export declare function actorFor(user: User): Actor | null;
/** True for an admin actor holding `permission`. Shoppers and the system hold none. */
export declare function hasPermission(actor: Actor, permission: AdminPermission): boolean;
/**
 * A new, enabled account with an empty address book and no second factor. The email is normalised
 * here so every way of creating an account (sign-up, seed, admin) agrees on its spelling.
 */
export declare function newUser(input: {
    id: string;
    email: string;
    name: string;
    phone: string | null;
    passwordHash: string;
    role?: Role;
    permissions?: readonly AdminPermission[];
    now: Date;
}): User;
//# sourceMappingURL=user.d.ts.map