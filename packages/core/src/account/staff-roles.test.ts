import { describe, expect, it } from "vitest";
import { STAFF_ROLE_PERMISSIONS, STAFF_ROLES, staffRoleOf } from "./staff-roles.js";
import { ADMIN_PERMISSIONS, grants, hasPermission } from "./user.js";

describe("staff roles", () => {
  it("recognises each role from its own bundle, in any order", () => {
    for (const role of STAFF_ROLES) {
      expect(staffRoleOf(STAFF_ROLE_PERMISSIONS[role])).toBe(role);
      expect(staffRoleOf([...STAFF_ROLE_PERMISSIONS[role]].reverse())).toBe(role);
    }
  });

  it("gives no two roles the same bundle, so the role an account shows is never ambiguous", () => {
    const bundles = STAFF_ROLES.map((role) => [...STAFF_ROLE_PERMISSIONS[role]].sort().join());
    expect(new Set(bundles).size).toBe(STAFF_ROLES.length);
  });

  it("lets the owner do everything and nobody but the owner manage users", () => {
    expect([...STAFF_ROLE_PERMISSIONS.owner].sort()).toEqual([...ADMIN_PERMISSIONS].sort());
    for (const role of STAFF_ROLES.filter((r) => r !== "owner")) expect(STAFF_ROLE_PERMISSIONS[role]).not.toContain("users.manage");
  });

  it("calls an exception (one permission more or less, or none) custom", () => {
    expect(staffRoleOf([...STAFF_ROLE_PERMISSIONS.fulfilment, "catalog.manage"])).toBeNull();
    expect(staffRoleOf(STAFF_ROLE_PERMISSIONS.support.slice(1))).toBeNull();
    expect(staffRoleOf([])).toBeNull();
  });

  it("counts a permission listed twice once", () => {
    expect(staffRoleOf(["orders.manage", "orders.manage"])).toBe("fulfilment");
  });

  it("lets support see customers without managing them; managing users includes seeing them", () => {
    expect(grants(STAFF_ROLE_PERMISSIONS.support, "customers.view")).toBe(true);
    expect(grants(STAFF_ROLE_PERMISSIONS.support, "users.manage")).toBe(false);
    expect(grants(["users.manage"], "customers.view")).toBe(true);
    expect(grants(["customers.view"], "users.manage")).toBe(false);
    expect(grants(STAFF_ROLE_PERMISSIONS.fulfilment, "customers.view")).toBe(false);
    expect(hasPermission({ kind: "admin", userId: "u", permissions: ["users.manage"] }, "customers.view")).toBe(true);
    expect(hasPermission({ kind: "shopper", userId: "u" }, "customers.view")).toBe(false);
  });
});
