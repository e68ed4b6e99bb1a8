import { ADMIN_PERMISSIONS, type AdminPermission } from "./user.js";

/**
 * Named bundles of admin permissions a shop hands its staff (ADR 124). A role lives in code, not in
 * the database: assigning one sets the account's permissions to its bundle, so the permissions stay
 * the only thing every access check reads, and the per-user editor can still add or take away one
 * permission as an exception (the account then shows as "custom").
 */
export const STAFF_ROLES = ["owner", "catalog_manager", "fulfilment", "support"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_PERMISSIONS: { readonly [R in StaffRole]: readonly AdminPermission[] } = {
  owner: ADMIN_PERMISSIONS,
  catalog_manager: ["catalog.manage"],
  fulfilment: ["orders.manage"],
  // Support answers customers: who they are, their orders, refunds and wallet. Not users.manage,
  // which would let them grant themselves everything.
  support: ["customers.view", "orders.manage", "refunds.issue", "wallet.adjust"],
};

/** The role whose bundle is exactly `permissions` (in any order), or null for a custom set. */
export function staffRoleOf(permissions: readonly AdminPermission[]): StaffRole | null {
  const held = new Set(permissions);
  return STAFF_ROLES.find((role) => STAFF_ROLE_PERMISSIONS[role].length === held.size && STAFF_ROLE_PERMISSIONS[role].every((p) => held.has(p))) ?? null;
}
