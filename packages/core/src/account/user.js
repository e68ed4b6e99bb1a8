import { allOf } from "../enum.js";
/** Roles decide which procedures a caller may reach; admin permissions refine the admin role. */
export const ROLES = ["shopper", "admin"];
export const ADMIN_PERMISSIONS = [
    "orders.manage",
    "catalog.manage",
    "users.manage",
    "wallet.adjust",
    "refunds.issue",
    "settings.manage",
    "operations.view",
];
export const ACTOR_KINDS = allOf()(["shopper", "admin", "system"]);
/** One spelling per mailbox, so the unique index on email catches "A@x.com" vs "a@x.com". */
export function normalizeEmail(email) {
    return email.trim().toLowerCase();
}
/** The actor a signed-in user acts as; disabled users act as nobody. */
/**
 * Whether this account can manage users now: an enabled admin holding `users.manage`. The store
 * always keeps at least one (see `UserRepository.updateAccess`), or nobody could ever manage
 * accounts again.
 */
export function managesUsers(user) {
    return user.role === "admin" && !user.disabled && user.permissions.includes("users.manage");
}
/** Whether applying an access patch to `user` takes user management away from them. */
export function losesUserManagement(user, patch) {
    return (managesUsers(user) &&
        !managesUsers({ role: patch.role ?? user.role, disabled: patch.disabled ?? user.disabled, permissions: patch.permissions ?? user.permissions }));
}
export function actorFor(user) {
    if (user.disabled)
        return null;
    return user.role === "admin"
        ? { kind: "admin", userId: user.id, permissions: user.permissions }
        : { kind: "shopper", userId: user.id };
}
/** True for an admin actor holding `permission`. Shoppers and the system hold none. */
export function hasPermission(actor, permission) {
    return actor.kind === "admin" && actor.permissions.includes(permission);
}
/**
 * A new, enabled account with an empty address book and no second factor. The email is normalised
 * here so every way of creating an account (sign-up, seed, admin) agrees on its spelling.
 */
export function newUser(input) {
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
//# sourceMappingURL=user.js.map