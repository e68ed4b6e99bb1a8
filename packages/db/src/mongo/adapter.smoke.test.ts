import { mongo } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuplicateKeyError, orderNumber, type DatabaseHandle, type Order } from "@bbscart/core";
import { makeAddress, makeOrder, makePricingLine, makeProduct, makeSettings, makeTransfer, makeUser, makeVariant } from "@bbscart/core/testing";
import { toDoc } from "./repositories/mapping.js";
import { laneSkipReason, mongoLane } from "./test-env.js";
import { TransactionRetryTimeoutError } from "./transaction-retry-timeout.js";
import { startLaneServer, type LaneServer } from "./test-lane.js";

/**
 * The adapter's own checks of what the contract suite cannot see: index names mapped to
 * `DuplicateKeyError`, `available` kept equal to onHand − reserved, the in-stock join, and the
 * emulator itself behaving as the lane assumes. Runs on whichever lane `test-env` chose.
 */
describe.skipIf(mongoLane.kind === "absent")(`MongoDB adapter (${mongoLane.kind})`, () => {
  let server: LaneServer;
  let db: DatabaseHandle;

  beforeAll(async () => {
    if (mongoLane.kind === "absent") return;
    server = await startLaneServer(mongoLane);
    db = await server.open();
  }, 60_000);
  afterAll(() => server?.stop());

  it("answers ping", async () => {
    await expect(db.ping()).resolves.toBeUndefined();
  });

  it("declares retention (TTL) indexes for sessions, password resets, idempotency keys and guest carts", async () => {
    const raw = await server.connectRaw(db);
    try {
      const ttl = async (collection: string) =>
        (await raw.db!.collection(collection).indexes()).filter((index) => index.expireAfterSeconds !== undefined).map((index) => [index.name, index.expireAfterSeconds]);
      expect(await ttl("sessions")).toEqual([["expires_ttl", 0]]);
      expect(await ttl("password_resets")).toEqual([["expires_ttl", 0]]);
      expect(await ttl("idempotency_keys")).toEqual([["created_ttl", 30 * 86_400]]);
      expect(await ttl("carts")).toEqual([["guest_ttl", 30 * 86_400]]);
    } finally {
      await raw.close();
    }
  });

  it("round-trips a user and maps the email index to users.email", async () => {
    const user = makeUser({ id: "u-smoke", email: "smoke@example.com", totp: { secret: "s", confirmedAt: null, lastStep: null, recoveryCodes: [] } });
    await db.repos.users.create(user);
    expect(await db.repos.users.findByEmail("smoke@example.com")).toEqual(user);
    await expect(db.repos.users.create({ ...user, id: "u-other" })).rejects.toEqual(new DuplicateKeyError("users.email"));
  });

  it("maps each unique key of a product write", async () => {
    const product = makeProduct({ id: "p-smoke", slug: "smoke", variants: [makeVariant({ id: "v-smoke", productId: "p-smoke", sku: "SMOKE-1" })] });
    await db.uow.run((repos) => repos.products.create(product));
    expect(await db.repos.products.findBySlug("smoke")).toEqual(product);
    await expect(db.repos.products.create({ ...product, id: "p-2", variants: [] })).rejects.toMatchObject({ key: "products.slug" });
    await expect(db.repos.products.addVariant(makeVariant({ id: "v-2", productId: "p-smoke", sku: "SMOKE-1" }))).rejects.toMatchObject({
      key: "variants.sku",
    });
    // The failed product create rolled back whole: no orphan product under the second id.
    expect(await db.repos.products.findById("p-2")).toBeNull();
  });

  it("keeps the stored available count in step with reservations, and the in-stock filter with it", async () => {
    const product = makeProduct({ id: "p-race", slug: "race", variants: [makeVariant({ id: "v-race", productId: "p-race", sku: "RACE-1", stock: { onHand: 5, reserved: 0 } })] });
    await db.repos.products.create(product);
    // One at a time: concurrency is the contract suite's job (200 concurrent reservations), and 60
    // parallel writes here only stressed the emulator's wire protocol ("moreToCome") on a busy machine.
    const results: boolean[] = [];
    for (let i = 0; i < 8; i++) results.push(await db.repos.inventory.reserveIfAvailable("v-race", 1));
    expect(results.filter(Boolean)).toHaveLength(5);
    expect(await db.repos.inventory.level("v-race")).toEqual({ onHand: 5, reserved: 5 });
    const page = await db.repos.products.search({
      cursor: null, limit: 10, search: null, categoryId: null, minPriceMinor: null, maxPriceMinor: null, inStock: true, sort: "newest", includeInactive: false,
    });
    expect(page.items.map((p) => p.id)).not.toContain("p-race");
  });

  it("rolls a unit of work back whole when it throws", async () => {
    const order = makeOrder({ id: "o-abort" });
    await expect(
      db.uow.run(async (repos) => {
        await repos.orders.create(order);
        await repos.ledger.append(makeTransfer({ id: "t-abort" }));
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await db.repos.orders.findById("o-abort")).toBeNull();
    expect(await db.repos.ledger.findTransfer("t-abort")).toBeNull();
  });

  it("commits a unit of work and reads its order back unchanged", async () => {
    const order = makeOrder({ id: "o-commit", status: "shipped" });
    await db.uow.run((repos) => repos.orders.create(order));
    expect(await db.repos.orders.findById("o-commit")).toEqual(order);
    await expect(db.repos.orders.create(order)).rejects.toEqual(new DuplicateKeyError("orders.id"));
  });

  // The race itself needs transaction isolation (contract: "a new priced product and a currency change");
  // here, step by step, both sides of it write the one lock document, which is what makes them conflict.
  it("writes the currency lock from a priced write and from a settings save alike", async () => {
    const raw = await server.connectRaw(db);
    try {
      const version = async () => (await raw.db!.collection<{ _id: string; version: number }>("locks").findOne({ _id: "store-currency" }))?.version ?? 0;
      const start = await version();
      await db.uow.run(async (repos) => {
        await repos.settings.get();
        await repos.settings.lockCurrency();
      });
      expect(await version()).toBe(start + 1);
      await db.uow.run((repos) => repos.settings.save(makeSettings({ currency: "USD" })));
      expect(await version()).toBe(start + 2);
      // A unit of work that rolls back leaves the lock as it was.
      await expect(db.uow.run(async (repos) => {
        await repos.settings.lockCurrency();
        throw new Error("refused");
      })).rejects.toThrow("refused");
      expect(await version()).toBe(start + 2);
    } finally {
      await raw.close();
    }
  });

  it("turns free-text states saved before the state list into codes at open, keeps an unmatched one as typed, once", async () => {
    const old = await server.open();
    const raw = await server.connectRaw(old);
    try {
      const user = makeUser({
        id: "u-states",
        email: "states@example.com",
        addresses: [makeAddress({ id: "a-1", state: "karnataka" }), makeAddress({ id: "a-2", state: "Orissa" }), makeAddress({ id: "a-3", state: "Bangalore" })],
      });
      await raw.db!.collection<{ _id: string }>("users").insertOne(toDoc(user));
      const restarted = await server.reopen(old);
      const states = async (handle: DatabaseHandle) => (await handle.repos.users.findById("u-states"))?.addresses.map((a) => a.state);
      expect(await states(restarted)).toEqual(["KA", "OD", "Bangalore"]);
      const again = await server.reopen(old);
      expect(await states(again)).toEqual(["KA", "OD", "Bangalore"]);
    } finally {
      await raw.close();
    }
  });

  it("gives products stored before alt text one empty text per image at open (ADR 148)", async () => {
    const old = await server.open();
    const raw = await server.connectRaw(old);
    try {
      await old.repos.products.create(makeProduct({ id: "p-alts", slug: "alts", images: ["products/a.webp", "products/b.webp"], variants: [makeVariant({ id: "v-alts", productId: "p-alts", sku: "ALTS-1" })] }));
      // As an earlier version stored it: no `imageAlts`.
      await raw.db!.collection<{ _id: string }>("products").updateOne({ _id: "p-alts" }, { $unset: { imageAlts: "" } });
      const restarted = await server.reopen(old);
      expect((await restarted.repos.products.findById("p-alts"))?.imageAlts).toEqual(["", ""]);
    } finally {
      await raw.close();
    }
  });

  it("numbers orders stored before order numbers existed at open, oldest first after the numbered ones, once", async () => {
    const old = await server.open();
    const raw = await server.connectRaw(old);
    try {
      // Two orders as an earlier version stored them (no `number`), and one placed since, holding the first number.
      const unnumbered = (id: string, placedAt: string) => {
        const { _id, ...fields } = toDoc({ ...makeOrder({ id, status: "delivered" }), placedAt: new Date(placedAt) });
        return { _id, ...Object.fromEntries(Object.entries(fields).filter(([key]) => key !== "number")) };
      };
      await raw.db!.collection<{ _id: string }>("orders").insertMany([unnumbered("o-old-2", "2025-01-02T00:00:00Z"), unnumbered("o-old-1", "2025-01-01T00:00:00Z")]);
      const placed = await old.uow.run(async (repos) => {
        const order = { ...makeOrder({ id: "o-new" }), number: orderNumber(await repos.orders.nextNumber()) };
        await repos.orders.create(order);
        return order;
      });
      expect(placed.number).toBe("BB-10001");

      const restarted = await server.reopen(old);
      const numbers = async (handle: DatabaseHandle) => Promise.all(["o-old-1", "o-old-2", "o-new"].map(async (id) => (await handle.repos.orders.findById(id))?.number));
      expect(await numbers(restarted)).toEqual(["BB-10002", "BB-10003", "BB-10001"]);
      // Idempotent: opening again numbers nothing and leaves the counter where it was, so the next order is 10004.
      const again = await server.reopen(old);
      expect(await numbers(again)).toEqual(["BB-10002", "BB-10003", "BB-10001"]);
      expect(await again.uow.run((repos) => repos.orders.nextNumber())).toBe(4);
    } finally {
      await raw.close();
    }
  });

  it("gives orders stored before returns by line their returns at open, replacing the whole-order fields, once", async () => {
    const old = await server.open();
    const raw = await server.connectRaw(old);
    try {
      const legacy = (order: Order, restocked: boolean | null) => {
        const { _id, ...fields } = toDoc(order);
        const kept = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== "returns"));
        return { _id, ...kept, returnReason: "too small", restocked };
      };
      const received = makeOrder({ id: "o-received", number: "BB-R1", status: "return_received", lines: [makePricingLine({ quantity: 2 })] });
      await raw.db!.collection<{ _id: string }>("orders").insertMany([legacy(received, true), legacy(makeOrder({ id: "o-shipped", number: "BB-S1", status: "shipped" }), null)]);
      const restarted = await server.reopen(old);
      const after = await restarted.repos.orders.findById("o-received");
      expect(after?.returns).toEqual([
        expect.objectContaining({ id: "R1", status: "received", reason: "other", note: "too small", restocked: true, amount: null, lines: [{ variantId: "var-1", quantity: 2, approved: true, amount: null, tax: null }] }),
      ]);
      expect(after && "returnReason" in after).toBe(false);
      expect((await restarted.repos.orders.findById("o-shipped"))?.returns).toEqual([]);
      const again = await server.reopen(old);
      expect(await again.repos.orders.findById("o-received")).toEqual(after);
    } finally {
      await raw.close();
    }
  });

  it("stops re-running a unit of work that keeps conflicting once its retry budget is spent, committing nothing; each re-run and the end are observed", async () => {
    const retried: string[] = [];
    const settled: string[] = [];
    const observer = { retried: (reason: string) => retried.push(reason), settled: (_seconds: number, outcome: string) => settled.push(outcome) };
    const quick = await server.open({ transactionRetryBudgetMs: 200, observer });
    let runs = 0;
    const started = Date.now();
    const conflicting = quick.uow.run(async (repos) => {
      runs += 1;
      await repos.ledger.append(makeTransfer({ id: `t-conflict-${runs}` }));
      // What the server answers a transaction that lost a write conflict: the driver re-runs on this label.
      throw new mongo.MongoServerError({ message: "simulated write conflict", code: 112, errorLabels: ["TransientTransactionError"] });
    });
    await expect(conflicting).rejects.toBeInstanceOf(TransactionRetryTimeoutError);
    // The driver alone would have kept going for 120 s.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(runs).toBeGreaterThan(1);
    expect(await quick.repos.ledger.findTransfer("t-conflict-1")).toBeNull();
    // Every run after the first is a re-run after a write conflict; the unit ends rolled back.
    expect(retried).toEqual(Array.from({ length: runs - 1 }, () => "write_conflict"));
    expect(settled).toEqual(["rolled_back"]);
    await quick.uow.run((repos) => repos.ledger.append(makeTransfer({ id: "t-observed" })));
    expect(settled).toEqual(["rolled_back", "committed"]);
    await quick.close();
  });
});

// Where no lane can run, one skipped test says so and how to run it, rather than silence.
if (mongoLane.kind === "absent") {
  describe("MongoDB adapter", () => {
    it.skip(laneSkipReason, () => undefined);
  });
}
