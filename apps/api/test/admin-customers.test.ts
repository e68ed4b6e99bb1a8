import { randomUUID } from "node:crypto";
import { STAFF_ROLE_PERMISSIONS } from "@bbscart/core";
import { makeAddress } from "@bbscart/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { seedOrder, seedVariant, type SeededVariant } from "./admin-orders-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

interface Figures {
  orders: number;
  lastOrderAt: Date | null;
  spent: { minor: number; currency: string }[];
  wallet: { minor: number; currency: string };
}
interface Customer {
  id: string;
  staffRole: string | null;
  permissions: string[];
  figures: Figures;
}

describe("admin customers and staff roles over HTTP", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let owner: TestAccount;
  let variant: SeededVariant;

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    owner = await createAccount(app, { role: "admin", permissions: STAFF_ROLE_PERMISSIONS.owner });
    variant = await seedVariant(app, { stock: 100, priceMinor: 50_000 });
  });
  afterAll(() => app.close());

  it("finds a customer by phone, with their orders count, paid total, last order and wallet balance", async () => {
    const phone = `+9198${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const customer = await createAccount(app, { name: "Lakshmi Rao", phone });
    const quiet = await createAccount(app, { name: "Lakshmi Quiet" });
    const first = await seedOrder(app, { userId: customer.user.id, variant, status: "delivered", placedAt: new Date("2026-01-02T10:00:00Z") });
    await seedOrder(app, { userId: customer.user.id, variant, status: "confirmed", method: "cod", placedAt: new Date("2026-01-03T10:00:00Z") });
    const unpaid = await seedOrder(app, { userId: customer.user.id, variant, status: "pending_payment", placedAt: new Date("2026-01-04T10:00:00Z") });
    const credited = await call(app.url, "admin.wallet.adjust", { userId: customer.user.id, amountMinor: 12_345, reason: "goodwill credit", idempotencyKey: randomUUID() }, { token: owner.token });
    expect(credited.status).toBe(200);

    // Typed the way people write it, with spaces and a dash.
    const found = await call(app.url, "admin.users.list", { search: `+91 ${phone.slice(3, 8)} ${phone.slice(8, 10)}-${phone.slice(10)}` }, { token: owner.token });
    const items = (found.data as { items: Customer[] }).items;
    expect(items.map((item) => item.id)).toEqual([customer.user.id]);
    // Three orders placed; only the card one is paid (cash on delivery is not collected yet).
    expect(items[0]!.figures).toEqual({ orders: 3, lastOrderAt: unpaid.placedAt, spent: [first.total], wallet: { minor: 12_345, currency: "INR" } });

    const byName = (await call(app.url, "admin.users.list", { search: "lakshmi" }, { token: owner.token })).data as { items: Customer[] };
    expect(byName.items.find((item) => item.id === quiet.user.id)?.figures).toEqual({ orders: 0, lastOrderAt: null, spent: [], wallet: { minor: 0, currency: "INR" } });
  });

  it("opens one customer by id with their address book and figures; an unknown id is not found, and it needs customers.view", async () => {
    const customer = await createAccount(app, { addresses: [makeAddress({ id: "addr-home", city: "Mysuru" })] });
    await seedOrder(app, { userId: customer.user.id, variant, status: "packed" });
    const page = await call(app.url, "admin.users.byId", { userId: customer.user.id }, { token: owner.token });
    expect(page.data).toMatchObject({ id: customer.user.id, email: customer.email, staffRole: null, addresses: [{ id: "addr-home", city: "Mysuru" }], figures: { orders: 1 } });
    expect(page.data).not.toHaveProperty("passwordHash");

    const missing = await call(app.url, "admin.users.byId", { userId: "no-such-user" }, { token: owner.token });
    expect(missing.status).toBe(404);
    const blank = await call(app.url, "admin.users.byId", { userId: "" }, { token: owner.token });
    expect([blank.status, blank.error?.data.fieldErrors.map((e) => e.path)]).toEqual([400, ["userId"]]);
    const fulfilment = await createAccount(app, { role: "admin", permissions: STAFF_ROLE_PERMISSIONS.fulfilment });
    expect((await call(app.url, "admin.users.byId", { userId: customer.user.id }, { token: fulfilment.token })).status).toBe(403);
  });

  it("lets support find and open a customer, read-only: their access and role stay out of reach", async () => {
    const customer = await createAccount(app, { name: "Zoya Helpdeskcase" });
    const support = await createAccount(app, { role: "admin", permissions: STAFF_ROLE_PERMISSIONS.support });
    const found = await call(app.url, "admin.users.list", { search: "helpdeskcase" }, { token: support.token });
    expect((found.data as { items: Customer[] }).items.map((item) => item.id)).toEqual([customer.user.id]);
    expect((await call(app.url, "admin.users.byId", { userId: customer.user.id }, { token: support.token })).data).toMatchObject({ id: customer.user.id });
    const csv = await fetch(`${app.url}/api/admin/exports/customers.csv?search=helpdeskcase`, { headers: { Authorization: `Bearer ${support.token}` } });
    expect([csv.status, (await csv.text()).includes(customer.email)]).toEqual([200, true]);

    const promote = await call(app.url, "admin.users.update", { userId: customer.user.id, role: "admin", permissions: ["users.manage"] }, { token: support.token });
    const disable = await call(app.url, "admin.users.update", { userId: customer.user.id, disabled: true }, { token: support.token });
    expect([promote.status, disable.status]).toEqual([403, 403]);
    expect(await app.db.repos.users.findById(customer.user.id)).toMatchObject({ role: "shopper", disabled: false });
  });

  it("assigns a staff role: the account holds exactly its permissions, the change is audited with the role's name", async () => {
    const colleague = await createAccount(app, { name: "Arun Packer" });
    const assigned = await call(app.url, "admin.users.assignRole", { userId: colleague.user.id, staffRole: "fulfilment" }, { token: owner.token, headers: { "x-request-id": "role-1" } });
    expect(assigned.data).toMatchObject({ role: "admin", permissions: ["orders.manage"], staffRole: "fulfilment" });

    // An exception made in the per-user editor turns the role into a custom set.
    const widened = await call(app.url, "admin.users.update", { userId: colleague.user.id, permissions: ["orders.manage", "catalog.manage"] }, { token: owner.token });
    expect(widened.data).toMatchObject({ staffRole: null });
    const support = await call(app.url, "admin.users.assignRole", { userId: colleague.user.id, staffRole: "support" }, { token: owner.token });
    expect((support.data as Customer).permissions.sort()).toEqual([...STAFF_ROLE_PERMISSIONS.support].sort());

    const log = (await call(app.url, "admin.audit.list", { targetId: colleague.user.id, action: "user.assign_role" }, { token: owner.token })).data as { items: unknown[] };
    expect(log.items).toEqual([
      expect.objectContaining({ actorId: owner.user.id, action: "user.assign_role", after: { role: "admin", permissions: STAFF_ROLE_PERMISSIONS.support, disabled: false, staffRole: "support" } }),
      expect.objectContaining({
        actorId: owner.user.id,
        requestId: "role-1",
        before: { role: "shopper", permissions: [], disabled: false },
        after: { role: "admin", permissions: ["orders.manage"], disabled: false, staffRole: "fulfilment" },
      }),
    ]);
  });

  it("refuses a role assignment without users.manage, for an unknown role, and when it would leave nobody to manage users", async () => {
    const target = await createAccount(app);
    const support = await createAccount(app, { role: "admin", permissions: STAFF_ROLE_PERMISSIONS.support });
    const shopper = await createAccount(app);
    for (const caller of [support, shopper]) {
      const refused = await call(app.url, "admin.users.assignRole", { userId: target.user.id, staffRole: "owner" }, { token: caller.token });
      expect(refused.status).toBe(403);
    }
    expect((await app.db.repos.users.findById(target.user.id))?.role).toBe("shopper");

    const unknown = await call(app.url, "admin.users.assignRole", { userId: target.user.id, staffRole: "superuser" }, { token: owner.token });
    expect([unknown.status, unknown.error?.data.fieldErrors.map((e) => e.path)]).toEqual([400, ["staffRole"]]);

    // A store whose only manager gives themselves a role without users.manage would be locked out.
    const alone = await startApp({ dataDir: tempDir() });
    try {
      const only = await createAccount(alone, { role: "admin", permissions: STAFF_ROLE_PERMISSIONS.owner });
      const locked = await call(alone.url, "admin.users.assignRole", { userId: only.user.id, staffRole: "catalog_manager" }, { token: only.token });
      expect([locked.status, locked.error?.data.reason]).toEqual([409, "LAST_MANAGER"]);
      expect((await alone.db.repos.users.findById(only.user.id))?.permissions).toEqual(STAFF_ROLE_PERMISSIONS.owner);
      expect((await alone.db.repos.audit.list({ actorId: null, action: "user.assign_role", targetType: null, targetId: null, from: null, to: null, cursor: null, limit: 10 })).items).toEqual([]);
    } finally {
      await alone.close();
    }
  });

  it("lists the orders needing attention — to pack, to ship, a return to decide — and names each payment's channel", async () => {
    const customer = await createAccount(app);
    const confirmed = await seedOrder(app, { userId: customer.user.id, variant, status: "confirmed" });
    const packed = await seedOrder(app, { userId: customer.user.id, variant, status: "packed", method: "cod" });
    const returning = await seedOrder(app, { userId: customer.user.id, variant, status: "return_requested" });
    await seedOrder(app, { userId: customer.user.id, variant, status: "delivered" });
    await seedOrder(app, { userId: customer.user.id, variant, status: "pending_payment" });
    const list = await call(app.url, "admin.orders.list", { view: "needs_attention", userId: customer.user.id }, { token: owner.token });
    const items = (list.data as { items: { id: string; payment: { channel: string } }[] }).items;
    expect(items.map((order) => order.id)).toEqual([returning.id, packed.id, confirmed.id]);
    // The fixtures pay by card through a Stripe-style intent (`pi_…`).
    expect(items.map((order) => order.payment.channel)).toEqual(["card", "cod", "card"]);

    const bad = await call(app.url, "admin.orders.list", { view: "everything" }, { token: owner.token });
    expect([bad.status, bad.error?.data.fieldErrors.map((e) => e.path)]).toEqual([400, ["view"]]);
  });
});
