import type { SecondFactor } from "@bbscart/core";
import { makeAddress, makeUser, T0 } from "@bbscart/core/testing";
import { expect, it } from "vitest";
import { itNeeds, type ContractContext } from "../context.js";
import { allPages, at, expectDuplicate, makeReset, makeSession } from "../fixtures.js";

const pendingFactor = { secret: "S", confirmedAt: null, lastStep: null, recoveryCodes: [] };
const enrolled = (overrides: Partial<SecondFactor> = {}): SecondFactor => ({
  secret: "sealed-1",
  confirmedAt: at(1),
  lastStep: null,
  recoveryCodes: ["hash-a", "hash-b"],
  ...overrides,
});

export function accountCases(context: ContractContext): void {
  it("users: stores a user and finds it by id and by email, field for field", async () => {
    const { users } = context.db.repos;
    const user = makeUser({
      phone: "+919800000002",
      role: "admin",
      permissions: ["orders.manage", "users.manage"],
      addresses: [makeAddress(), makeAddress({ id: "addr-2", label: null, line2: "Floor 2" })],
      totp: { secret: "v1.sealed", confirmedAt: at(5), lastStep: 58_000_000, recoveryCodes: ["hash-a", "hash-b"] },
    });
    await users.create(user);
    expect(await users.findById(user.id)).toEqual(user);
    expect(await users.findByEmail(user.email)).toEqual(user);
    expect(await users.findById("nobody")).toBeNull();
    expect(await users.findByEmail("nobody@example.com")).toBeNull();
  });

  it("users: a second account with the same email is a typed duplicate and changes nothing", async () => {
    const { users } = context.db.repos;
    await users.create(makeUser());
    await expectDuplicate(users.create(makeUser({ id: "user-2", name: "Someone Else" })), "users.email");
    expect(await users.findById("user-2")).toBeNull();
    expect((await users.findByEmail("asha@example.com"))?.name).toBe("Asha Rao");
  });

  it("users: update changes only the patched fields and returns the result; unknown ids give null", async () => {
    const { users } = context.db.repos;
    await users.create(makeUser());
    const updated = await users.update("user-1", { name: "Asha R.", disabled: true, totp: pendingFactor, updatedAt: at(1) });
    expect(updated).toEqual({ ...makeUser(), name: "Asha R.", disabled: true, totp: pendingFactor, updatedAt: at(1) });
    expect(await users.findById("user-1")).toEqual(updated);
    const cleared = await users.update("user-1", { phone: null, totp: null, permissions: [], addresses: [], updatedAt: at(2) });
    expect(cleared).toMatchObject({ phone: null, totp: null, addresses: [], name: "Asha R." });
    expect(await users.update("nobody", { name: "x", updatedAt: at(3) })).toBeNull();
  });

  it("users: an edited address book keeps its order (the first is the default) and each edited field", async () => {
    const { users } = context.db.repos;
    const home = makeAddress();
    const work = makeAddress({ id: "addr-2", label: "Work", state: "TN", postalCode: "600017", city: "Chennai" });
    await users.create(makeUser({ addresses: [home, work] }));
    const edited = { ...home, line1: "80 Feet Road", line2: "Floor 3", state: "DL", postalCode: "110001", phone: "+919876543210" };
    const updated = await users.update("user-1", { addresses: [work, edited], updatedAt: at(1) });
    expect(updated?.addresses).toEqual([work, edited]);
    expect((await users.findById("user-1"))?.addresses).toEqual([work, edited]);
  });

  it("users: lists newest first in stable pages, filtered by role and by email or name", async () => {
    const { users } = context.db.repos;
    for (let i = 0; i < 5; i++) {
      await users.create(makeUser({ id: `u${i}`, email: `user${i}@example.com`, name: i === 3 ? "Zoya Khan" : `User ${i}`, role: i % 2 ? "admin" : "shopper", createdAt: at(i) }));
    }
    const pages = await allPages((page) => users.list({ ...page, search: null, role: null }), 2);
    expect(pages.map((items) => items.map((u) => u.id))).toEqual([["u4", "u3"], ["u2", "u1"], ["u0"]]);
    const admins = await allPages((page) => users.list({ ...page, search: null, role: "admin" }), 10);
    expect(admins.flat().map((u) => u.id)).toEqual(["u3", "u1"]);
    const byEmail = await users.list({ cursor: null, limit: 10, search: "user2@", role: null });
    expect(byEmail.items.map((u) => u.id)).toEqual(["u2"]);
    const byName = await users.list({ cursor: null, limit: 10, search: "zoya", role: null });
    expect(byName.items.map((u) => u.id)).toEqual(["u3"]);
  });

  it("users: a TOTP step is accepted only when later than the last one, and only for a confirmed factor", async () => {
    const { users } = context.db.repos;
    await users.create(makeUser({ totp: enrolled() }));
    await users.create(makeUser({ id: "user-2", email: "pending@example.com", totp: { ...enrolled(), confirmedAt: null } }));
    expect(await users.acceptTotpStep("user-1", 100)).toBe(true);
    expect(await users.acceptTotpStep("user-1", 100)).toBe(false);
    expect(await users.acceptTotpStep("user-1", 99)).toBe(false);
    expect(await users.acceptTotpStep("user-1", 101)).toBe(true);
    expect((await users.findById("user-1"))?.totp).toEqual(enrolled({ lastStep: 101 }));
    expect(await users.acceptTotpStep("user-2", 100)).toBe(false);
    expect(await users.acceptTotpStep("nobody", 100)).toBe(false);
  });

  it("users: of concurrent uses of one TOTP step exactly one succeeds", async () => {
    const { users } = context.db.repos;
    await users.create(makeUser({ totp: enrolled() }));
    const steps = await Promise.all(Array.from({ length: 8 }, () => users.acceptTotpStep("user-1", 200)));
    expect(steps.filter(Boolean)).toHaveLength(1);
    expect((await users.findById("user-1"))?.totp).toEqual(enrolled({ lastStep: 200 }));
  });

  itNeeds(context, ["arrayPull"], "users: of concurrent uses of one recovery code exactly one succeeds", async () => {
    const { users } = context.db.repos;
    await users.create(makeUser({ totp: enrolled() }));
    const codes = await Promise.all(Array.from({ length: 8 }, () => users.consumeRecoveryCode("user-1", "hash-a")));
    expect(codes.filter(Boolean)).toHaveLength(1);
    expect((await users.findById("user-1"))?.totp).toEqual(enrolled({ recoveryCodes: ["hash-b"] }));
  });

  itNeeds(context, ["arrayPull"], "users: a recovery code is consumed once; unknown codes and users without a factor change nothing", async () => {
    const { users } = context.db.repos;
    await users.create(makeUser({ totp: enrolled() }));
    await users.create(makeUser({ id: "user-2", email: "plain@example.com" }));
    expect(await users.consumeRecoveryCode("user-1", "hash-b")).toBe(true);
    expect(await users.consumeRecoveryCode("user-1", "hash-b")).toBe(false);
    expect(await users.consumeRecoveryCode("user-1", "hash-z")).toBe(false);
    expect(await users.consumeRecoveryCode("user-2", "hash-a")).toBe(false);
    expect((await users.findById("user-1"))?.totp?.recoveryCodes).toEqual(["hash-a"]);
    expect((await users.findById("user-2"))?.totp).toBeNull();
  });

  it("users: a TOTP secret is replaced only while it is still the one expected", async () => {
    const { users } = context.db.repos;
    await users.create(makeUser({ totp: enrolled({ lastStep: 7 }) }));
    expect(await users.replaceTotpSecret("user-1", "other", "sealed-2")).toBe(false);
    expect(await users.replaceTotpSecret("user-1", "sealed-1", "sealed-2")).toBe(true);
    expect(await users.replaceTotpSecret("user-1", "sealed-1", "sealed-3")).toBe(false);
    expect((await users.findById("user-1"))?.totp).toEqual(enrolled({ secret: "sealed-2", lastStep: 7 }));
  });

  // Index-backed on both engines (ADR 083): every term begins the email, the phone's digits or a name word.
  it("users: the admin search matches prefixes of the email, the phone's digits and the name's words, all terms together", async () => {
    const { users } = context.db.repos;
    await users.create(makeUser({ id: "asha", email: "Asha.Rao@Example.com", name: "Asha Rao", phone: "+91 98765-43210", createdAt: at(1) }));
    await users.create(makeUser({ id: "jose", email: "jose@example.com", name: "José Ramos", phone: null, createdAt: at(2) }));
    await users.create(makeUser({ id: "ravi", email: "ravi@shop.in", name: "Ravi Asharani", phone: "080 2345 6789", createdAt: at(3) }));
    const ids = async (search: string, role: "admin" | null = null) => (await users.list({ cursor: null, limit: 10, search, role })).items.map((u) => u.id);

    expect(await ids("asha")).toEqual(["ravi", "asha"]); // a name word (Asharani) and an email and name word
    expect(await ids("asha.rao@ex")).toEqual(["asha"]); // the email from its start, case folded
    expect(await ids("rao@example")).toEqual([]); // never from its middle
    expect(await ids("ra")).toEqual(["ravi", "jose", "asha"]);
    expect(await ids("ra asha")).toEqual(["ravi", "asha"]); // every term must match
    expect(await ids("RAMOS")).toEqual(["jose"]);
    expect(await ids("jose")).toEqual(["jose"]);
    expect(await ids("JOSÉ")).toEqual(["jose"]); // accents folded like the stored words
    expect(await ids("+91 9876")).toEqual(["asha"]); // a phone typed in is its digits, "919876…"
    expect(await ids("91-98765")).toEqual(["asha"]);
    expect(await ids("080-2345")).toEqual(["ravi"]);
    expect(await ids("2345")).toEqual([]); // a phone only from its start
    expect(await ids("asha", "admin")).toEqual([]);
    expect(await ids("a%_*")).toEqual([]); // pattern characters are literal
    // A renamed user, or a changed phone, is found by the new keys only.
    await users.update("jose", { name: "Joseph Ray", phone: "+44 20 7946 0000", updatedAt: at(4) });
    expect(await ids("ramos")).toEqual([]);
    expect(await ids("joseph ray")).toEqual(["jose"]);
    expect(await ids("4420")).toEqual(["jose"]);
    const pages = await allPages((page) => users.list({ ...page, search: "ra", role: null }), 1);
    expect(pages.flat().map((u) => u.id)).toEqual(["ravi", "jose", "asha"]);
  });

  it("sessions: stores tokens by hash; a duplicate hash is a typed duplicate", async () => {
    const { sessions } = context.db.repos;
    const token = makeSession();
    await sessions.create(token);
    expect(await sessions.findByHash("hash-1")).toEqual(token);
    expect(await sessions.findByHash("other")).toBeNull();
    await expectDuplicate(sessions.create(makeSession({ id: "sess-2" })), "sessions.token_hash");
  });

  it("sessions: a token rotates once, never after revocation; revoking counts only live tokens", async () => {
    const { sessions } = context.db.repos;
    await sessions.create(makeSession({ id: "a", tokenHash: "ha" }));
    await sessions.create(makeSession({ id: "b", tokenHash: "hb" }));
    await sessions.create(makeSession({ id: "c", tokenHash: "hc", familyId: "fam-2" }));
    await sessions.create(makeSession({ id: "d", tokenHash: "hd", familyId: "fam-3", userId: "user-2" }));
    expect(await sessions.markRotated("a", at(1))).toBe(true);
    expect(await sessions.markRotated("a", at(2))).toBe(false);
    expect((await sessions.findByHash("ha"))?.rotatedAt).toEqual(at(1));
    expect(await sessions.revokeFamily("fam-1", at(3))).toBe(2);
    expect(await sessions.revokeFamily("fam-1", at(4))).toBe(0);
    expect(await sessions.markRotated("b", at(5))).toBe(false);
    expect((await sessions.findByHash("hb"))?.revokedAt).toEqual(at(3));
    expect(await sessions.revokeAllForUser("user-1", at(6))).toBe(1);
    expect((await sessions.findByHash("hd"))?.revokedAt).toBeNull();
  });

  it("users: found through a sign-in only while a token of its family is live, and only the family's own user", async () => {
    const { users, sessions } = context.db.repos;
    const user = makeUser({ id: "user-1" });
    await users.create(user);
    await users.create(makeUser({ id: "user-2", email: "other@example.com" }));
    await sessions.create(makeSession({ id: "a", tokenHash: "ha", familyId: "fam-1" }));
    await sessions.create(makeSession({ id: "b", tokenHash: "hb", familyId: "fam-1" }));
    await sessions.markRotated("a", at(1));
    expect(await users.findSignedIn("user-1", "fam-1")).toEqual(user);
    expect(await users.findSignedIn("user-2", "fam-1")).toBeNull();
    expect(await users.findSignedIn("user-1", "fam-unknown")).toBeNull();
    await sessions.revokeFamily("fam-1", at(2));
    expect(await users.findSignedIn("user-1", "fam-1")).toBeNull();
  });

  it("users: an access change that would leave nobody managing users is refused, others go through", async () => {
    const { users } = context.db.repos;
    const manager = makeUser({ id: "m-1", email: "m1@example.com", role: "admin", permissions: ["users.manage", "orders.manage"] });
    await users.create(manager);
    await users.create(makeUser({ id: "m-2", email: "m2@example.com", role: "admin", permissions: ["users.manage"], disabled: true }));
    expect(await users.updateAccess("m-1", { disabled: true, updatedAt: at(1) })).toBe("LAST_MANAGER");
    expect(await users.updateAccess("m-1", { role: "shopper", permissions: [], updatedAt: at(1) })).toBe("LAST_MANAGER");
    expect(await users.updateAccess("m-1", { permissions: ["orders.manage"], updatedAt: at(1) })).toBe("LAST_MANAGER");
    expect(await users.findById("m-1")).toEqual(manager);
    expect(await users.updateAccess("m-1", { permissions: ["users.manage"], updatedAt: at(2) })).toMatchObject({ permissions: ["users.manage"] });
    expect(await users.updateAccess("m-2", { disabled: false, updatedAt: at(3) })).toMatchObject({ disabled: false });
    expect(await users.updateAccess("m-1", { disabled: true, updatedAt: at(4) })).toMatchObject({ disabled: true });
    expect(await users.updateAccess("nobody", { disabled: true, updatedAt: at(5) })).toBeNull();
  });

  itNeeds(context, ["transactionIsolation"], "users: two managers disabling each other at once leave one of them managing", async () => {
    const { users } = context.db.repos;
    for (const id of ["m-1", "m-2"]) await users.create(makeUser({ id, email: `${id}@example.com`, role: "admin", permissions: ["users.manage"] }));
    const results = await Promise.all(["m-1", "m-2"].map((id) => users.updateAccess(id, { disabled: true, updatedAt: at(1) })));
    expect(results.filter((result) => result === "LAST_MANAGER")).toHaveLength(1);
    const left = await Promise.all(["m-1", "m-2"].map((id) => users.findById(id)));
    expect(left.filter((user) => user && !user.disabled)).toHaveLength(1);
  });

  it("password resets: stored by hash, consumed exactly once, duplicates typed", async () => {
    const { passwordResets } = context.db.repos;
    await passwordResets.create(makeReset());
    expect(await passwordResets.findByHash("reset-hash-1")).toEqual(makeReset());
    expect(await passwordResets.consume("reset-1", at(1))).toBe(true);
    expect(await passwordResets.consume("reset-1", at(2))).toBe(false);
    expect((await passwordResets.findByHash("reset-hash-1"))?.usedAt).toEqual(at(1));
    await expectDuplicate(passwordResets.create(makeReset({ id: "reset-2", createdAt: T0 })), "password_resets.token_hash");
  });
}
