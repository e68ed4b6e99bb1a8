import { setTimeout as delay } from "node:timers/promises";
import { checkParent, err, isDuplicateKey, ok, postTransfers, transact, type Money } from "@bbscart/core";
import { inr, makeCategory, makeCoupon, makeSettings, makeTransfer } from "@bbscart/core/testing";
import { expect, it } from "vitest";
import type { ContractContext } from "../context.js";
import { itAcrossProcesses, itNeeds } from "../context.js";
import { seedProduct, stockedProduct } from "../fixtures.js";

const wallet = "wallet:user-1" as const;
const times = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => fn(i)));
const count = (results: readonly boolean[]) => results.filter(Boolean).length;

/** A transfer from the shopper's wallet, as an order payment would post it. */
const payment = (id: string, amount: Money) => makeTransfer({ id, debit: wallet, credit: "platform:sales", amount, kind: "order_payment", reference: id });

export function concurrencyCases(context: ContractContext): void {
  itNeeds(context, ["exprArithmetic"], "200 concurrent direct reservations of stock 5 reserve exactly 5", async () => {
    await seedProduct(context.db, stockedProduct(1, { onHand: 5 }));
    const results = await times(200, () => context.db.repos.inventory.reserveIfAvailable("var-1", 1));
    expect(count(results)).toBe(5);
    expect(await context.db.repos.inventory.level("var-1")).toEqual({ onHand: 5, reserved: 5 });
  });

  itNeeds(context, ["exprArithmetic", "transactionIsolation"], "200 concurrent reservations in units of work reserve exactly 5", async () => {
    await seedProduct(context.db, stockedProduct(1, { onHand: 5 }));
    const results = await times(200, () =>
      transact(context.db.uow, async (r) => ((await r.inventory.reserveIfAvailable("var-1", 1)) ? ok(true) : err("OUT_OF_STOCK"))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(await context.db.repos.inventory.level("var-1")).toEqual({ onHand: 5, reserved: 5 });
  });

  it("order numbers: a unit of work takes the next number; a rolled-back one gives it back", async () => {
    const { uow, repos } = context.db;
    expect(await transact(uow, async (r) => ok(await r.orders.nextNumber()))).toEqual({ ok: true, value: 1 });
    expect(await transact(uow, async (r) => err(await r.orders.nextNumber()))).toEqual({ ok: false, error: 2 });
    expect(await transact(uow, async (r) => ok([await r.orders.nextNumber(), await r.orders.nextNumber()]))).toEqual({ ok: true, value: [2, 3] });
    expect(await repos.orders.nextNumber()).toBe(4);
  });

  // Concurrent units of work on one counter conflict; MongoDB retries the losers (the emulator aborts them instead).
  itNeeds(context, ["transactionIsolation"], "order numbers: 50 concurrent units of work get 1…50, each once", async () => {
    const numbers = await times(50, () => transact(context.db.uow, async (r) => ok(await r.orders.nextNumber())));
    expect(numbers.map((n) => (n.ok ? n.value : 0)).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("50 concurrent direct debits of 30 from 100 succeed exactly 3 times", async () => {
    await context.db.repos.ledger.credit(wallet, inr(100));
    const results = await times(50, () => context.db.repos.ledger.debitIfSufficient(wallet, inr(30), 0));
    expect(count(results)).toBe(3);
    expect(await context.db.repos.ledger.balance(wallet, "INR")).toEqual(inr(10));
  });

  itNeeds(context, ["transactionIsolation"], "50 concurrent wallet payments of 30 from 100 post exactly 3 transfers", async () => {
    const { uow, repos } = context.db;
    await transact(uow, (r) => postTransfers(r.ledger, [makeTransfer({ id: "fund", amount: inr(100) })], "INR"));
    const results = await times(50, (i) => transact(uow, (r) => postTransfers(r.ledger, [payment(`pay-${i}`, inr(30))], "INR")));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(await repos.ledger.balance(wallet, "INR")).toEqual(inr(10));
    expect(await repos.ledger.derivedBalance(wallet, "INR")).toEqual(inr(10));
    expect(await repos.ledger.balance("platform:sales", "INR")).toEqual(inr(90));
  });

  itNeeds(context, ["transactionIsolation"], "the same transfer posted concurrently writes once", async () => {
    const { uow, repos } = context.db;
    const transfer = makeTransfer({ amount: inr(500) });
    const results = await Promise.allSettled([1, 2].map(() => transact(uow, (r) => postTransfers(r.ledger, [transfer], "INR"))));
    // One posts; the other sees a replay, or (engines that run both at once) hits the unique id and rolls back.
    for (const result of results) {
      if (result.status === "rejected") expect(isDuplicateKey(result.reason, "ledger_transfers.id")).toBe(true);
      else expect(result.value.ok).toBe(true);
    }
    expect(await repos.ledger.byReference("pi_1")).toEqual([transfer]);
    expect(await repos.ledger.balance(wallet, "INR")).toEqual(inr(500));
    expect(await repos.ledger.balance("platform:card_clearing", "INR")).toEqual(inr(-500));
  });

  // A redemption counts on the coupon and on the customer, so outside a unit of work it is a
  // transaction of its own (ADR 025): exclusive only where concurrent transactions conflict.
  itNeeds(context, ["transactionIsolation"], "20 concurrent redemptions of a coupon limited to 3 count exactly 3", async () => {
    await context.db.repos.coupons.create(makeCoupon({ usageLimit: 3 }));
    const results = await times(20, (i) => context.db.repos.coupons.redeemIfAvailable("WELCOME10", [`user-${i}`]));
    expect(count(results)).toBe(3);
    expect((await context.db.repos.coupons.findByCode("WELCOME10"))?.usedCount).toBe(3);
  });

  // Each move checks for a cycle on its own snapshot; only the shared tree version they both write
  // makes the second one conflict and re-run (MongoDB) or wait (SQLite), and then see the first.
  // The emulator runs overlapping transactions without isolation, so this needs a real MongoDB;
  // the "every tree edit bumps the tree version" case proves both moves write the guard there.
  itNeeds(context, ["transactionIsolation"], "concurrent category moves (A under B, B under A) never make a cycle", async () => {
    const { uow, repos } = context.db;
    await repos.categories.create(makeCategory({ id: "a", slug: "a" }));
    await repos.categories.create(makeCategory({ id: "b", slug: "b", position: 1 }));
    const move = (id: string, parentId: string) =>
      transact(uow, async (r) => {
        await r.categories.touchTree();
        const decided = checkParent(await r.categories.list(), id, parentId);
        if (!decided.ok) return decided;
        await r.categories.update(id, { parentId });
        return ok(id);
      });
    for (let round = 0; round < 5; round += 1) {
      await repos.categories.update("a", { parentId: null });
      await repos.categories.update("b", { parentId: null });
      const results = await Promise.all([move("a", "b"), move("b", "a")]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error))).toEqual([{ code: "CATEGORY_CYCLE" }]);
      const parents = new Map((await repos.categories.list()).map((c) => [c.id, c.parentId]));
      expect([parents.get("a"), parents.get("b")].filter((p) => p !== null)).toHaveLength(1);
    }
  });

  itAcrossProcesses(context, "2 OS processes × 100 reservations of stock 5 reserve exactly 5", async (run) => {
    await seedProduct(context.db, stockedProduct(1, { onHand: 5 }));
    const successes = await run(context.db, { kind: "reserve", variantId: "var-1", attempts: 100 }, 2);
    expect(successes).toHaveLength(2);
    expect(successes.reduce((a, b) => a + b, 0)).toBe(5);
    expect(await context.db.repos.inventory.level("var-1")).toEqual({ onHand: 5, reserved: 5 });
  });

  itAcrossProcesses(context, "2 OS processes × 25 debits of 30 from 100 succeed exactly 3 times", async (run) => {
    await context.db.repos.ledger.credit(wallet, inr(100));
    const successes = await run(context.db, { kind: "debit", account: wallet, amount: inr(30), attempts: 25 }, 2);
    expect(successes).toHaveLength(2);
    expect(successes.reduce((a, b) => a + b, 0)).toBe(3);
    expect(await context.db.repos.ledger.balance(wallet, "INR")).toEqual(inr(10));
  });

  // Write skew: one side reads the currency and writes a product, the other reads "no priced product"
  // and writes the currency. Snapshot isolation commits both unless they also write one common record,
  // the currency lock (ADR 083). Both read before either writes; an engine that runs units of work one
  // at a time never lets the second read start, so each side waits for the other only briefly.
  itNeeds(context, ["transactionIsolation"], "a new priced product and a currency change, racing, never both commit", async () => {
    const { uow, repos } = context.db;
    await repos.settings.save(makeSettings({ currency: "INR" }));
    let reads = 0;
    let release = () => undefined as void;
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    const afterRead = async () => {
      reads += 1;
      if (reads === 2) release();
      await Promise.race([bothRead, delay(200)]);
    };
    const anyProduct = { cursor: null, limit: 1, search: null, categoryId: null, minPriceMinor: null, maxPriceMinor: null, inStock: null, sort: "newest", includeInactive: true } as const;

    const [created, changed] = await Promise.all([
      uow.run(async (r) => {
        const currency = (await r.settings.get())?.currency ?? "INR";
        await r.settings.lockCurrency();
        await afterRead();
        const product = stockedProduct(1);
        await r.products.create({ ...product, variants: product.variants.map((variant) => ({ ...variant, price: { minor: 1000, currency } })) });
        return true;
      }),
      uow.run(async (r) => {
        const priced = (await r.products.search(anyProduct)).items.length > 0;
        await afterRead();
        if (priced) return false;
        await r.settings.save(makeSettings({ currency: "USD" }));
        return true;
      }),
    ]);

    expect(created).toBe(true);
    const currency = (await repos.settings.get())?.currency;
    // Either the change lost (a product exists) or the product was priced after it, in the new currency.
    expect((await repos.products.findById("prod-1"))?.variants.map((variant) => variant.price.currency)).toEqual([currency]);
    if (changed) expect(currency).toBe("USD");
    else expect(currency).toBe("INR");
  });
}
