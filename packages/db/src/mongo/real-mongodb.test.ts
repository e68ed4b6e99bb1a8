import mongoose, { type Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walletAccount, type DatabaseHandle } from "@bbscart/core";
import { inr, makeCart, makeOrder, makeProduct, makeTransfer, makeUser, makeVariant } from "@bbscart/core/testing";
import { mongoLane } from "./test-env.js";
import { userListFilter } from "./repositories/users.js";
import { startLaneServer, type LaneServer } from "./test-lane.js";

/**
 * What only a real MongoDB can prove: that every hot read is served by an index, and that a
 * transaction callback run again by `withTransaction` leaves each effect once. The emulator has
 * neither `explain`, `notablescan` nor the `failCommand` fail point, so on its lane this file
 * reports one skipped test saying so. The server needs `--setParameter enableTestCommands=1` for
 * the fail point (a throwaway test server, never production).
 */
const real = mongoLane.kind === "real" ? mongoLane : null;

describe.runIf(real)("MongoDB (real only): index use and re-run transactions", () => {
  let server: LaneServer;
  let db: DatabaseHandle;
  let admin: Connection;

  const setNoTableScan = (on: boolean) => admin.db!.admin().command({ setParameter: 1, notablescan: on });
  const failPoint = (data: Record<string, unknown>, mode: unknown) => admin.db!.admin().command({ configureFailPoint: "failCommand", mode, data });

  beforeAll(async () => {
    if (!real) return;
    server = await startLaneServer(real);
    db = await server.open();
    admin = await mongoose.createConnection(real.uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  }, 60_000);
  afterAll(async () => {
    await admin?.close();
    await server?.stop();
  });

  it("serves every hot read from an index: with notablescan on, none is refused for needing a collection scan", async () => {
    const product = makeProduct({ id: "p-1", slug: "p-1", variants: [makeVariant({ id: "v-1", productId: "p-1", sku: "SKU-1", stock: { onHand: 3, reserved: 0 } })] });
    await db.repos.products.create(product);
    await db.repos.users.create(makeUser({ id: "user-1", email: "one@example.com" }));
    await db.repos.carts.save(makeCart([], { id: "cart-1" }));
    await db.repos.carts.save(makeCart([], { id: "cart-g", userId: null, guestId: "guest-1" }));
    await db.repos.orders.create({ ...makeOrder({ id: "o-1" }), placedAt: new Date("2025-01-16T10:00:00Z") });
    await db.repos.ledger.append(makeTransfer({ id: "t-1" }));

    await setNoTableScan(true);
    try {
      const { repos } = db;
      const from = new Date("2025-01-01T00:00:00Z");
      const to = new Date("2025-02-01T00:00:00Z");
      const base = { cursor: null, limit: 10, search: null, categoryId: null, minPriceMinor: null, maxPriceMinor: null, inStock: null, includeInactive: false } as const;
      await repos.carts.findByUser("user-1");
      await repos.carts.findByGuest("guest-1");
      await repos.orders.findByPaymentIntent("pi_1");
      await repos.orders.findWithPendingRefunds(to, 10);
      await repos.orders.countByStatus();
      await repos.orders.findExpired(to, 10);
      await repos.orders.findAwaitingPayment(to, 10);
      await repos.orders.listForUser("user-1", { cursor: null, limit: 10 });
      await repos.orders.salesFigures({ from, to, timeZone: "Asia/Kolkata" });
      await repos.orders.topProducts({ from, to, currency: "INR", limit: 5 });
      for (const sort of ["newest", "price_asc", "price_desc", "name_asc"] as const) {
        const first = await repos.products.search({ ...base, limit: 1, sort });
        await repos.products.search({ ...base, limit: 1, sort, cursor: first.nextCursor });
        await repos.products.search({ ...base, sort, categoryId: product.categoryId, inStock: true });
      }
      await repos.products.search({ ...base, sort: "relevance", search: "prod" });
      await repos.products.findBySlug("p-1");
      await repos.products.lowStock(5, 10);
      await repos.users.findByEmail("one@example.com");
      await repos.users.list({ cursor: null, limit: 10, search: null, role: null });
      await repos.users.list({ cursor: null, limit: 10, search: "one", role: null });
      await repos.ledger.statement(walletAccount("user-1"), { cursor: null, limit: 10 });
      await repos.ledger.derivedBalance(walletAccount("user-1"), "INR");
      await repos.webhooks.list({ cursor: null, limit: 10, status: "failed" });
      await repos.outbox.list({ cursor: null, limit: 10, status: "pending" });
      await repos.audit.list({ cursor: null, limit: 10, actorId: "admin-1", action: null, targetType: null, targetId: null, from: null, to: null });
    } finally {
      await setNoTableScan(false);
    }
  });

  it("finds the admin's user search through the search_keys index, not by walking the newest-first index", async () => {
    for (let i = 0; i < 60; i++) await db.repos.users.create(makeUser({ id: `filler-${i}`, email: `filler${i}@example.com`, name: `Filler ${i}` }));
    await db.repos.users.create(makeUser({ id: "asha-rao", email: "asha.rao@example.com", name: "Asha Rao" }));
    const raw = await server.connectRaw(db);
    try {
      const plan = await raw.db!.collection("users").find(userListFilter("asha rao", null)).sort({ createdAt: -1, _id: -1 }).limit(21).explain("queryPlanner");
      const winning = JSON.stringify((plan as { queryPlanner: { winningPlan: unknown } }).queryPlanner.winningPlan);
      expect(winning).toContain('"indexName":"search_keys"');
      expect(winning).not.toContain("COLLSCAN");
    } finally {
      await raw.close();
    }
    expect((await db.repos.users.list({ cursor: null, limit: 10, search: "asha rao", role: null })).items.map((user) => user.id)).toEqual(["asha-rao"]);
  });

  // The emulator creates no collection explicitly and enforces no validator (ADR 084): only here does
  // the server itself refuse what SQLite's CHECK constraints refuse.
  it("creates every collection with its validator, and the server refuses a document that breaks it", async () => {
    const raw = await server.connectRaw(db);
    try {
      const collections = await raw.db!.listCollections().toArray();
      const validated = collections.filter((info) => "options" in info && info.options?.validator).map((info) => info.name);
      expect(validated).toEqual(expect.arrayContaining(["variants", "ledger_balances", "settings", "locks", "counters", "orders", "users"]));
      const variants = raw.db!.collection<{ _id: string; [field: string]: unknown }>("variants");
      const variant = { _id: "v-bad", productId: "p-1", position: 0, sku: "BAD-1", name: "Bad", price: { minor: 100, currency: "INR" }, active: true, onHand: 2, reserved: 0, available: 2 };
      const refused = async (write: Promise<unknown>) => expect(await write.then(() => null, (error: { code?: number }) => error.code)).toBe(121);
      await refused(variants.insertOne({ ...variant, onHand: -1, available: -1 }));
      await refused(variants.insertOne({ ...variant, reserved: 3, available: -1 }));
      await refused(variants.insertOne({ ...variant, price: { minor: 1.5, currency: "INR" } }));
      await db.repos.orders.create(makeOrder({ id: "o-valid", number: "BB-VALID" }));
      const orders = raw.db!.collection<{ _id: string; [field: string]: unknown }>("orders");
      const stored = await orders.findOne({ _id: "o-valid" });
      await refused(orders.insertOne({ ...stored!, _id: "o-bad", number: "BB-BAD", status: "lost" }));
      await variants.insertOne(variant);
      // Reserving more than is on hand leaves `available` negative.
      await refused(variants.updateOne({ _id: "v-bad" }, [{ $set: { reserved: 3, available: -1 } }]));
    } finally {
      await raw.close();
    }
  });

  it("a unit of work re-run after a transient error at commit leaves its transfer and balance once", async () => {
    const account = walletAccount("user-retry");
    await failPoint({ failCommands: ["commitTransaction"], errorCode: 112, errorLabels: ["TransientTransactionError"] }, { times: 1 });
    let runs = 0;
    try {
      await db.uow.run(async (repos) => {
        runs += 1;
        await repos.ledger.append(makeTransfer({ id: "t-retry", credit: account, amount: inr(500) }));
        await repos.ledger.credit(account, inr(500));
      });
    } finally {
      await failPoint({}, "off");
    }
    expect(runs).toBe(2);
    expect((await db.repos.ledger.statement(account, { cursor: null, limit: 10 })).items.map((t) => t.id)).toEqual(["t-retry"]);
    expect(await db.repos.ledger.balance(account, "INR")).toEqual(inr(500));
  });
});

if (!real) {
  describe("MongoDB (real only): index use and re-run transactions", () => {
    it.skip("needs a real MongoDB (MONGODB_URI; the fail point also needs enableTestCommands): the emulator has no explain, notablescan or failCommand", () => undefined);
  });
}
