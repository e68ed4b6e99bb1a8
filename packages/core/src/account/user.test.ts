import { describe, expect, it } from "vitest";
import { makeUser } from "../testing/builders.js";
import { actorFor, hasPermission, losesUserManagement, managesUsers, newUser, normalizeEmail } from "./user.js";

describe("users and actors", () => {
  it("normalizes email so uniqueness ignores case and spaces", () => {
    expect(normalizeEmail("  Asha@Example.COM ")).toBe("asha@example.com");
  });

  it("turns a user into the actor they act as", () => {
    expect(actorFor(makeUser({ id: "u1" }))).toEqual({ kind: "shopper", userId: "u1" });
    expect(actorFor(makeUser({ id: "a1", role: "admin", permissions: ["orders.manage"] }))).toEqual({
      kind: "admin",
      userId: "a1",
      permissions: ["orders.manage"],
    });
    expect(actorFor(makeUser({ disabled: true }))).toBeNull();
  });

  it("grants permissions only to admins that hold them", () => {
    const admin = { kind: "admin", userId: "a", permissions: ["refunds.issue"] } as const;
    expect(hasPermission(admin, "refunds.issue")).toBe(true);
    expect(hasPermission(admin, "wallet.adjust")).toBe(false);
    expect(hasPermission({ kind: "shopper", userId: "u" }, "refunds.issue")).toBe(false);
  });
});

describe("newUser", () => {
  const base = { id: "u1", email: "  Asha@Example.COM ", name: "Asha", phone: null, passwordHash: "h", now: new Date(0) };

  it("normalises the email and starts enabled, with no addresses and no second factor", () => {
    expect(newUser(base)).toMatchObject({ email: "asha@example.com", role: "shopper", disabled: false, addresses: [], totp: null });
  });

  it("gives permissions only to admins", () => {
    expect(newUser({ ...base, permissions: ["users.manage"] }).permissions).toEqual([]);
    expect(newUser({ ...base, role: "admin", permissions: ["users.manage"] }).permissions).toEqual(["users.manage"]);
  });
});

describe("who manages users", () => {
  const manager = makeUser({ role: "admin", permissions: ["users.manage"] });

  it("is an enabled admin holding users.manage, and nobody else", () => {
    expect(managesUsers(manager)).toBe(true);
    expect(managesUsers({ ...manager, disabled: true })).toBe(false);
    expect(managesUsers({ ...manager, role: "shopper" })).toBe(false);
    expect(managesUsers({ ...manager, permissions: ["orders.manage"] })).toBe(false);
  });

  it("is lost by demoting, disabling or taking the permission away, and not by an unrelated change", () => {
    expect(losesUserManagement(manager, { role: "shopper" })).toBe(true);
    expect(losesUserManagement(manager, { disabled: true })).toBe(true);
    expect(losesUserManagement(manager, { permissions: ["orders.manage"] })).toBe(true);
    expect(losesUserManagement(manager, {})).toBe(false);
    expect(losesUserManagement(manager, { permissions: ["users.manage", "orders.manage"] })).toBe(false);
    // Someone who never managed users loses nothing.
    expect(losesUserManagement(makeUser(), { role: "shopper" })).toBe(false);
  });
});
