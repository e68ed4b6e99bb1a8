import { applyOrderEvent, attachPaymentIntent, DuplicateKeyError, expectOk, money, ORDER_STATUSES, recordRefund, type Coupon, type Order, type OrderListQuery } from "@bbscart/core";
import { adminActor, inr, makeAddress, makeCart, makeCoupon, makeOrder, makePricingLine, makeSettings, makeUser, shopperActor, T0 } from "@bbscart/core/testing";
import { expect, it } from "vitest";
import { itNeeds, type ContractContext } from "../context.js";
import { allPages, at, Boom, expectDuplicate, makeIdempotency, rejection, seedProduct, stockedProduct } from "../fixtures.js";

/** An order placed at minute `minute`, so listings have a defined order. */
const placedAt = (order: Order, minute: number): Order => ({ ...order, placedAt: at(minute), expiresAt: order.expiresAt && at(minute + 30) });

const noFilters = { status: null, statuses: null, paymentStatus: null, paymentMethod: null, userId: null, placedFrom: null, placedTo: null, search: null } as const;

/** An order with one line per `[product number, quantity, unit price]`. */
const orderOf = (id: string, lines: ReadonlyArray<readonly [number, number, number]>, options: { status?: Order["status"]; currency?: string } = {}): Order =>
  makeOrder({
    id,
    status: options.status ?? "confirmed",
    settings: makeSettings({ currency: options.currency ?? "INR" }),
    lines: lines.map(([n, quantity, price]) =>
      makePricingLine({ productId: `prod-${n}`, variantId: `var-${n}`, sku: `SKU-${n}`, quantity, unitPrice: money(price, options.currency ?? "INR") }),
    ),
  });

export function commerceCases(context: ContractContext): void {
  /** The ids of every page of the admin list under `filters`, two orders a page. */
  const listPages = async (filters: Partial<Omit<OrderListQuery, "cursor" | "limit">>) =>
    (await allPages((page) => context.db.repos.orders.list({ ...noFilters, ...filters, ...page }), 2)).map((items) => items.map((o) => o.id));

  it("carts: saved, found by user or guest, replaced whole, deleted", async () => {
    const { carts } = context.db.repos;
    const line = { variantId: "var-1", quantity: 2, unitPrice: inr(129900) };
    await carts.save(makeCart([line]));
    await carts.save(makeCart([], { id: "cart-g", userId: null, guestId: "guest-1", couponCode: "WELCOME10" }));
    expect(await carts.findByUser("user-1")).toEqual(makeCart([line]));
    expect(await carts.findByGuest("guest-1")).toEqual(makeCart([], { id: "cart-g", userId: null, guestId: "guest-1", couponCode: "WELCOME10" }));
    const replaced = makeCart([{ ...line, quantity: 5 }], { couponCode: "X", updatedAt: at(1) });
    await carts.save(replaced);
    expect(await carts.findByUser("user-1")).toEqual(replaced);
    await carts.delete("cart-1");
    expect(await carts.findByUser("user-1")).toBeNull();
    expect(await carts.findByGuest("nobody")).toBeNull();
  });

  it("carts: one per owner — a second cart for a user or a guest is refused, re-saving the same cart is not", async () => {
    const { carts } = context.db.repos;
    const line = { variantId: "var-1", quantity: 1, unitPrice: inr(129900) };
    await carts.save(makeCart([line]));
    await carts.save(makeCart([], { id: "cart-g", userId: null, guestId: "guest-1" }));
    await expectDuplicate(carts.save(makeCart([], { id: "cart-2" })), "carts.owner");
    await expectDuplicate(carts.save(makeCart([], { id: "cart-g2", userId: null, guestId: "guest-1" })), "carts.owner");
    await carts.save(makeCart([{ ...line, quantity: 3 }], { updatedAt: at(1) }));
    expect(await carts.findByUser("user-1")).toEqual(makeCart([{ ...line, quantity: 3 }], { updatedAt: at(1) }));
    expect(await carts.findByGuest("guest-1")).toEqual(makeCart([], { id: "cart-g", userId: null, guestId: "guest-1" }));
    // Once the cart is gone (checked out), the owner may start a new one.
    await carts.delete("cart-1");
    await carts.save(makeCart([], { id: "cart-3" }));
    expect((await carts.findByUser("user-1"))?.id).toBe("cart-3");
  });

  itNeeds(context, ["transactionIsolation"], "carts: 10 concurrent first adds of one owner end in one cart holding every line", async () => {
    const { db } = context;
    // Each add is what the cart service does: find the owner's cart or start one, add a line, save;
    // a save refused because another first add won is re-run and finds that cart.
    const add = async (n: number): Promise<void> => {
      try {
        await db.uow.run(async (repos) => {
          const cart = (await repos.carts.findByUser("user-1")) ?? makeCart([], { id: `cart-${n}` });
          await repos.carts.save({ ...cart, lines: [...cart.lines, { variantId: `var-${n}`, quantity: 1, unitPrice: inr(100) }] });
        });
      } catch (error) {
        if (error instanceof DuplicateKeyError && error.key === "carts.owner") return add(n);
        throw error;
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, n) => add(n)));
    const cart = await db.repos.carts.findByUser("user-1");
    expect(cart?.lines.map((l) => l.variantId).sort()).toEqual(Array.from({ length: 10 }, (_, n) => `var-${n}`).sort());
  }, 30_000);

  it("coupons: both kinds round-trip; codes are unique; update patches rules; listed by code in pages", async () => {
    const { coupons } = context.db.repos;
    const percentage = makeCoupon({ maxDiscount: inr(20000), minOrder: inr(50000), startsAt: at(0), expiresAt: at(100), usageLimit: 10, perCustomerLimit: 1 });
    const fixed: Coupon = { ...makeCoupon({ code: "FLAT100" }), kind: "fixed", amount: inr(10000) };
    delete (fixed as { percentBp?: number }).percentBp;
    delete (fixed as { maxDiscount?: unknown }).maxDiscount;
    await coupons.create(percentage);
    await coupons.create(fixed);
    await coupons.create(makeCoupon({ code: "AAA" }));
    expect(await coupons.findByCode("WELCOME10")).toEqual(percentage);
    expect(await coupons.findByCode("FLAT100")).toEqual(fixed);
    expect(await coupons.findByCode("NOPE")).toBeNull();
    await expectDuplicate(coupons.create(makeCoupon()), "coupons.code");
    expect(await coupons.update("WELCOME10", { active: false, minOrder: null, expiresAt: null })).toEqual({ ...percentage, active: false, minOrder: null, expiresAt: null, version: 2 });
    expect(await coupons.update("NOPE", { active: false })).toBeNull();
    const pages = await allPages((page) => coupons.list(page), 2);
    expect(pages.map((items) => items.map((c) => c.code))).toEqual([["AAA", "FLAT100"], ["WELCOME10"]]);
  });

  it("coupons: update replaces the discount whole, within a kind and across kinds", async () => {
    const { coupons } = context.db.repos;
    const coupon = makeCoupon({ usageLimit: 5, minOrder: inr(50000) });
    await coupons.create(coupon);
    const { percentBp: _percentBp, maxDiscount: _maxDiscount, ...rules } = coupon as Extract<Coupon, { kind: "percentage" }>;
    expect(await coupons.update("WELCOME10", { discount: { kind: "percentage", percentBp: 2500, maxDiscount: inr(30000) } })).toEqual({
      ...rules,
      kind: "percentage",
      percentBp: 2500,
      maxDiscount: inr(30000),
      version: 2,
    });
    const fixed: Coupon = { ...rules, active: false, kind: "fixed", amount: inr(15000), version: 3 };
    expect(await coupons.update("WELCOME10", { active: false, discount: { kind: "fixed", amount: inr(15000) } })).toEqual(fixed);
    expect(await coupons.findByCode("WELCOME10")).toEqual(fixed);
    const percentage: Coupon = { ...rules, active: false, kind: "percentage", percentBp: 500, maxDiscount: null, version: 4 };
    expect(await coupons.update("WELCOME10", { discount: { kind: "percentage", percentBp: 500, maxDiscount: null } })).toEqual(percentage);
    expect(await coupons.findByCode("WELCOME10")).toEqual(percentage);
  });

  it("coupons: an edit from an older version, or a total limit below the redemptions, writes nothing; each edit bumps the version", async () => {
    const { coupons } = context.db.repos;
    await coupons.create(makeCoupon({ description: "Welcome mailer", usageLimit: 5 }));
    expect(await coupons.redeemIfAvailable("WELCOME10", ["a"])).toBe(true);
    expect(await coupons.redeemIfAvailable("WELCOME10", ["b"])).toBe(true);
    const edited = await coupons.update("WELCOME10", { description: "Autumn mailer", usageLimit: 2 }, 1);
    expect(edited).toMatchObject({ description: "Autumn mailer", usageLimit: 2, usedCount: 2, version: 2 });
    expect(await coupons.update("WELCOME10", { description: "Stale" }, 1)).toBeNull();
    expect(await coupons.update("WELCOME10", { usageLimit: 1 }, 2)).toBeNull();
    expect(await coupons.update("WELCOME10", { usageLimit: 1 })).toBeNull();
    expect(await coupons.findByCode("WELCOME10")).toEqual(edited);
    expect(await coupons.update("WELCOME10", { description: null, usageLimit: null }, 2)).toMatchObject({ description: null, usageLimit: null, version: 3 });
    // Redemptions never bump the version: an admin's open form stays current while shoppers check out.
    expect(await coupons.redeemIfAvailable("WELCOME10", ["c"])).toBe(true);
    expect(await coupons.findByCode("WELCOME10")).toMatchObject({ usedCount: 3, version: 3 });
    expect(await coupons.update("NOPE", { active: false }, 1)).toBeNull();
  });

  itNeeds(context, ["aggregationExpressions"], "orders: coupon sales count each coupon's paid orders by currency, with what they captured and refunded", async () => {
    const { orders } = context.db.repos;
    const withCoupon = (order: Order, couponCode: string | null): Order => ({ ...order, couponCode });
    const paid = orderOf("paid", [[1, 1, 10_000]]);
    await orders.create(withCoupon(paid, "WELCOME10"));
    const refunded = orderOf("refunded", [[1, 2, 10_000]]);
    const refund = { id: "r1", amount: inr(5_000), destination: "card" as const, reason: "damaged", at: at(1), status: "succeeded" as const, settledAt: at(1) };
    await orders.create(withCoupon({ ...refunded, payment: expectOk(recordRefund(refunded.payment, refund), "test refund") }, "WELCOME10"));
    const dollars = orderOf("usd", [[2, 1, 3_000]], { currency: "USD" });
    await orders.create(withCoupon(dollars, "WELCOME10"));
    await orders.create(withCoupon(orderOf("unpaid", [[1, 1, 10_000]], { status: "pending_payment" }), "WELCOME10"));
    await orders.create(withCoupon(orderOf("flat", [[1, 1, 10_000]]), "FLAT100"));
    await orders.create(withCoupon(orderOf("none", [[1, 1, 10_000]]), null));
    await orders.create(withCoupon(orderOf("other", [[1, 1, 10_000]]), "OTHER"));
    const sales = await orders.couponSales(["WELCOME10", "FLAT100", "UNUSED"]);
    expect([...sales].sort((a, b) => `${a.code}${a.currency}`.localeCompare(`${b.code}${b.currency}`))).toEqual([
      { code: "FLAT100", currency: "INR", orders: 1, gross: paid.total, refunds: inr(0) },
      { code: "WELCOME10", currency: "INR", orders: 2, gross: inr(paid.total.minor + refunded.total.minor), refunds: inr(5_000) },
      { code: "WELCOME10", currency: "USD", orders: 1, gross: dollars.total, refunds: money(0, "USD") },
    ]);
    expect(await orders.couponSales([])).toEqual([]);
  });

  it("coupons: redemption respects the total and per-customer limits and is undone without going below zero", async () => {
    const { coupons } = context.db.repos;
    await coupons.create(makeCoupon({ usageLimit: 3, perCustomerLimit: 2 }));
    expect(await coupons.redeemIfAvailable("WELCOME10", ["a"])).toBe(true);
    expect(await coupons.redeemIfAvailable("WELCOME10", ["a"])).toBe(true);
    expect(await coupons.redeemIfAvailable("WELCOME10", ["a"])).toBe(false);
    expect(await coupons.customerUses("WELCOME10", "a")).toBe(2);
    expect(await coupons.redeemIfAvailable("WELCOME10", ["b"])).toBe(true);
    expect(await coupons.redeemIfAvailable("WELCOME10", ["c"])).toBe(false);
    expect((await coupons.findByCode("WELCOME10"))?.usedCount).toBe(3);
    await coupons.releaseRedemption("WELCOME10", ["a"]);
    await coupons.releaseRedemption("WELCOME10", ["c"]);
    expect(await coupons.customerUses("WELCOME10", "a")).toBe(1);
    expect(await coupons.customerUses("WELCOME10", "c")).toBe(0);
    expect((await coupons.findByCode("WELCOME10"))?.usedCount).toBe(2);
    expect(await coupons.redeemIfAvailable("WELCOME10", ["c"])).toBe(true);
    expect(await coupons.redeemIfAvailable("MISSING", ["c"])).toBe(false);
  });

  it("orders: round-trip field for field, ids are unique, saves compare-and-set on the version", async () => {
    const { orders } = context.db.repos;
    const order = makeOrder({ status: "shipped", paymentMethod: "card" });
    await orders.create(order);
    expect(await orders.findById(order.id)).toEqual(order);
    expect(await orders.findById("missing")).toBeNull();
    await expectDuplicate(orders.create({ ...order, number: "BB-OTHER" }), "orders.id");
    await expectDuplicate(orders.create({ ...order, id: "order-2" }), "orders.number");
    const next = { ...order, status: "delivered" as const, deliveredAt: at(5), version: order.version + 1 };
    expect(await orders.save(next, order.version)).toBe(true);
    expect(await orders.save({ ...next, cancelReason: "late" }, order.version)).toBe(false);
    expect(await orders.findById(order.id)).toEqual(next);
    expect(await orders.findByPaymentIntent("pi_test")).toEqual(next);
    expect(await orders.findByPaymentIntent("pi_other")).toBeNull();
  });

  it("orders: returns by line round-trip with every stage, decision, amount and override, and save compare-and-set", async () => {
    const { orders } = context.db.repos;
    const settings = makeSettings();
    const decide = (order: Order, event: Parameters<typeof applyOrderEvent>[1], actor: Parameters<typeof applyOrderEvent>[2]["actor"] = adminActor) =>
      expectOk(applyOrderEvent(order, event, { actor, now: T0, settings }), `contract ${event.type}`).order;
    const delivered = makeOrder({
      id: "ord-returns",
      status: "delivered",
      coupon: makeCoupon(),
      lines: [makePricingLine({ variantId: "a", sku: "A", quantity: 2 }), makePricingLine({ variantId: "b", sku: "B", quantity: 1 })],
    });
    await orders.create(delivered);
    // R1: one unit of a, rejected; R2: a and b, a approved with an override, b not — then received.
    let order = decide(delivered, { type: "request_return", lines: [{ variantId: "a", quantity: 1 }], reason: "damaged", note: null }, shopperActor());
    order = decide(order, { type: "reject_return", reason: "worn" });
    order = decide(order, { type: "request_return", lines: [{ variantId: "a", quantity: 2 }, { variantId: "b", quantity: 1 }], reason: "not_as_described", note: "colour differs" }, shopperActor());
    const asked = order;
    order = decide(order, { type: "approve_return", lines: [{ variantId: "a", approve: true }, { variantId: "b", approve: false }], destination: "card", override: { amountMinor: 1000, reason: "goodwill" } });
    expect(await orders.save(order, delivered.version)).toBe(true);
    expect(await orders.findById(order.id)).toEqual(order);
    expect(await orders.save(asked, delivered.version)).toBe(false);
    const received = decide(order, { type: "receive_return", restock: false });
    expect(await orders.save(received, order.version)).toBe(true);
    const stored = await orders.findById(order.id);
    expect(stored).toEqual(received);
    expect(stored?.returns.map((r) => [r.id, r.status, r.amount?.minor ?? null, r.refundId])).toEqual([
      ["R1", "rejected", null, null],
      ["R2", "received", 1000, "ord-returns:return:R2"],
    ]);
  });

  it("orders: a shopper's orders and the admin list, newest first, filtered by status, payment status, id prefix or email", async () => {
    const { orders, users } = context.db.repos;
    await users.create(makeUser({ id: "user-2", email: "ravi@example.com" }));
    await orders.create(placedAt(makeOrder({ id: "ord-a1", status: "confirmed" }), 1));
    await orders.create(placedAt(makeOrder({ id: "ord-a2", status: "pending_payment" }), 2));
    await orders.create(placedAt(makeOrder({ id: "ord-b1", status: "shipped", userId: "user-2" }), 3));
    await orders.create(placedAt(makeOrder({ id: "xyz-1", status: "cancelled" }), 4));
    const mine = await allPages((page) => orders.listForUser("user-1", page), 2);
    expect(mine.map((items) => items.map((o) => o.id))).toEqual([["xyz-1", "ord-a2"], ["ord-a1"]]);
    const list = async (filters: Parameters<typeof listPages>[0]) => (await listPages(filters)).flat();
    expect(await list({})).toEqual(["xyz-1", "ord-b1", "ord-a2", "ord-a1"]);
    expect(await list({ status: "pending_payment" })).toEqual(["ord-a2"]);
    expect(await list({ paymentStatus: "paid" })).toEqual(["ord-b1", "ord-a1"]);
    expect(await list({ search: "ord-a" })).toEqual(["ord-a2", "ord-a1"]);
    expect(await list({ search: "ravi@example.com" })).toEqual(["ord-b1"]);
  });

  it("orders: the admin search finds an order by its number, with or without the prefix, and by phone (the order's or the customer's)", async () => {
    const { orders, users } = context.db.repos;
    await users.create(makeUser({ id: "user-2", email: "ravi@example.com", phone: "+919811122233" }));
    await orders.create(placedAt(makeOrder({ id: "ord-1", number: "BB-10001" }), 1));
    await orders.create(placedAt(makeOrder({ id: "ord-2", number: "BB-10002", userId: "user-2" }), 2));
    await orders.create(placedAt({ ...makeOrder({ id: "ord-3", number: "BB-10003" }), address: makeAddress({ phone: "+919855566677" }) }, 3));
    const list = async (search: string) => (await listPages({ search })).flat();
    expect(await list("BB-10002")).toEqual(["ord-2"]);
    expect(await list("bb-10003")).toEqual(["ord-3"]);
    expect(await list("10001")).toEqual(["ord-1"]);
    expect(await list("98555 66677")).toEqual(["ord-3"]);
    expect(await list("+919811122233")).toEqual(["ord-2"]);
    expect(await list("BB-10009")).toEqual([]);
  });

  it("orders: a search matching many orders in more than one way pages through each match once, newest first, with the other filters", async () => {
    const { orders, users } = context.db.repos;
    await users.create(makeUser({ id: "user-2", email: "ravi@example.com", phone: "+919811122233" }));
    // Ravi's orders (by his email and his phone), one order reached by its delivery phone, one by both ways, and others'.
    for (let i = 1; i <= 7; i++) await orders.create(placedAt(makeOrder({ id: `r${i}`, number: `BB-2000${i}`, userId: "user-2", paymentMethod: i % 2 ? "cod" : "card" }), i * 2));
    await orders.create(placedAt({ ...makeOrder({ id: "p1", number: "BB-30001" }), address: makeAddress({ phone: "+919811122233" }) }, 5));
    await orders.create(placedAt({ ...makeOrder({ id: "p2", number: "BB-30002", userId: "user-2" }), address: makeAddress({ phone: "+919811122233" }) }, 9));
    for (let i = 1; i <= 4; i++) await orders.create(placedAt(makeOrder({ id: `o${i}`, number: `BB-4000${i}` }), i * 3));
    expect(await listPages({ search: "ravi@example.com" })).toEqual([["r7", "r6"], ["r5", "p2"], ["r4", "r3"], ["r2", "r1"]]);
    expect(await listPages({ search: "9811122233" })).toEqual([["r7", "r6"], ["r5", "p2"], ["r4", "r3"], ["p1", "r2"], ["r1"]]);
    expect(await listPages({ search: "9811122233", paymentMethod: "cod" })).toEqual([["r7", "r5"], ["r3", "r1"]]);
  });

  it("orders: the admin list filtered by payment method, customer and placed in [from, to), alone or combined, with stable cursors", async () => {
    const { orders } = context.db.repos;
    const seed: ReadonlyArray<readonly [string, "wallet" | "card" | "cod", string]> = [
      ["a1", "card", "user-1"],
      ["a2", "cod", "user-1"],
      ["a3", "wallet", "user-2"],
      ["a4", "cod", "user-1"],
      ["a5", "cod", "user-2"],
      ["a6", "card", "user-1"],
    ];
    for (const [index, [id, paymentMethod, userId]] of seed.entries()) await orders.create(placedAt(makeOrder({ id, paymentMethod, userId }), index + 1));
    expect(await listPages({ paymentMethod: "cod" })).toEqual([["a5", "a4"], ["a2"]]);
    expect(await listPages({ userId: "user-2" })).toEqual([["a5", "a3"]]);
    expect(await listPages({ placedFrom: at(2), placedTo: at(5) })).toEqual([["a4", "a3"], ["a2"]]);
    expect(await listPages({ placedTo: at(2) })).toEqual([["a1"]]);
    expect(await listPages({ userId: "user-1", paymentMethod: "cod", placedFrom: at(3) })).toEqual([["a4"]]);
    expect(await listPages({ userId: "user-3" })).toEqual([[]]);

    // A newer matching order placed between two pages neither repeats nor shifts the next page.
    const first = await orders.list({ ...noFilters, paymentMethod: "cod", cursor: null, limit: 2 });
    await orders.create(placedAt(makeOrder({ id: "a7", paymentMethod: "cod" }), 7));
    const next = await orders.list({ ...noFilters, paymentMethod: "cod", cursor: first.nextCursor, limit: 2 });
    expect([first.items.map((o) => o.id), next.items.map((o) => o.id), next.nextCursor]).toEqual([["a5", "a4"], ["a2"], null]);
  });

  it("orders: the admin list filtered by any of several statuses, alone, with one status, or with other filters", async () => {
    const { orders } = context.db.repos;
    const seed: ReadonlyArray<readonly [string, Order["status"], string]> = [
      ["s1", "confirmed", "user-1"],
      ["s2", "pending_payment", "user-1"],
      ["s3", "packed", "user-2"],
      ["s4", "return_requested", "user-1"],
      ["s5", "shipped", "user-1"],
      ["s6", "confirmed", "user-2"],
    ];
    for (const [index, [id, status, userId]] of seed.entries()) await orders.create(placedAt(makeOrder({ id, status, userId }), index + 1));
    const attention = ["confirmed", "packed", "return_requested"] as const;
    expect(await listPages({ statuses: attention })).toEqual([["s6", "s4"], ["s3", "s1"]]);
    expect(await listPages({ statuses: attention, userId: "user-2" })).toEqual([["s6", "s3"]]);
    // With a single status as well, both must hold: inside the set it narrows, outside it nothing matches.
    expect(await listPages({ statuses: attention, status: "packed" })).toEqual([["s3"]]);
    expect(await listPages({ statuses: attention, status: "shipped" })).toEqual([[]]);
    expect(await listPages({ statuses: ["shipped"] })).toEqual([["s5"]]);
  });

  itNeeds(context, ["aggregationExpressions"], "orders: each customer's orders at a glance — count, last order, and per currency what paid orders came to less refunds", async () => {
    const { orders } = context.db.repos;
    const forUser = (order: Order, userId: string, minute: number): Order => placedAt({ ...order, userId }, minute);
    await orders.create(forUser(orderOf("p1", [[1, 1, 10_000]]), "u-a", 1));
    const refunded = orderOf("p2", [[1, 2, 10_000]]);
    const refund = { id: "r1", amount: inr(5_000), destination: "card" as const, reason: "damaged", at: at(3), status: "succeeded" as const, settledAt: at(3) };
    await orders.create(forUser({ ...refunded, payment: expectOk(recordRefund(refunded.payment, refund), "test refund") }, "u-a", 2));
    // Unpaid orders count as orders placed, never as money spent.
    await orders.create(forUser(orderOf("p3", [[1, 1, 10_000]], { status: "pending_payment" }), "u-a", 5));
    const dollars = orderOf("p4", [[2, 1, 3_000]], { currency: "USD" });
    await orders.create(forUser(dollars, "u-b", 4));
    await orders.create(forUser(orderOf("p5", [[1, 1, 10_000]], { status: "pending_payment" }), "u-c", 6));
    await orders.create(forUser(orderOf("p6", [[1, 1, 10_000]]), "u-other", 7));

    const p1 = (await orders.findById("p1"))!;
    const byUser = new Map((await orders.customerOrders(["u-a", "u-b", "u-c", "u-none"])).map((row) => [row.userId, row]));
    expect([...byUser.keys()].sort()).toEqual(["u-a", "u-b", "u-c"]);
    expect(byUser.get("u-a")).toEqual({ userId: "u-a", orders: 3, lastOrderAt: at(5), spent: [inr(p1.total.minor + refunded.total.minor - 5_000)] });
    expect(byUser.get("u-b")).toEqual({ userId: "u-b", orders: 1, lastOrderAt: at(4), spent: [dollars.total] });
    expect(byUser.get("u-c")).toEqual({ userId: "u-c", orders: 1, lastOrderAt: at(6), spent: [] });
    expect(await orders.customerOrders([])).toEqual([]);
  });

  it("orders: top products of a period by units sold, then revenue; cancelled, other-currency and out-of-period orders left out", async () => {
    const { orders } = context.db.repos;
    for (const n of [1, 2, 3]) await seedProduct(context.db, stockedProduct(n));
    await orders.create(placedAt(orderOf("t1", [[1, 2, 1_000], [2, 1, 5_000]]), 0));
    await orders.create(placedAt(orderOf("t2", [[2, 1, 5_000], [3, 3, 100]], { status: "delivered" }), 10));
    await orders.create(placedAt(orderOf("t3", [[1, 10, 1_000]], { status: "cancelled" }), 15));
    await orders.create(placedAt(orderOf("t4", [[1, 7, 1_000]], { currency: "USD" }), 20));
    await orders.create(placedAt(orderOf("t5", [[1, 5, 1_000]]), 30));
    await orders.create(placedAt(orderOf("t6", [[3, 5, 100]]), -1));
    const top = (limit: number) => orders.topProducts({ from: at(0), to: at(30), currency: "INR", limit });
    expect(await top(10)).toEqual([
      { productId: "prod-3", name: "Product 3", quantity: 3, revenue: inr(300) },
      { productId: "prod-2", name: "Product 2", quantity: 2, revenue: inr(10_000) },
      { productId: "prod-1", name: "Product 1", quantity: 2, revenue: inr(2_000) },
    ]);
    expect((await top(2)).map((p) => p.productId)).toEqual(["prod-3", "prod-2"]);
    expect(await orders.topProducts({ from: at(20), to: at(30), currency: "USD", limit: 10 })).toEqual([
      { productId: "prod-1", name: "Product 1", quantity: 7, revenue: money(7_000, "USD") },
    ]);
    expect(await orders.topProducts({ from: at(40), to: at(50), currency: "INR", limit: 10 })).toEqual([]);
  });

  it("orders: expired and awaiting-payment queries find only pending orders, oldest first", async () => {
    const { orders } = context.db.repos;
    const pending = makeOrder({ status: "pending_payment" });
    await orders.create({ ...pending, id: "late", number: "BB-LATE", placedAt: at(0), expiresAt: at(30) });
    await orders.create({ ...attachPaymentIntent(pending, "pi_early"), id: "early", number: "BB-EARLY", placedAt: at(-10), expiresAt: at(20) });
    await orders.create({ ...pending, id: "fresh", number: "BB-FRESH", placedAt: at(50), expiresAt: at(80) });
    await orders.create({ ...makeOrder({ status: "confirmed" }), id: "paid", number: "BB-PAID", placedAt: at(-20) });
    expect((await orders.findExpired(at(30), 10)).map((o) => o.id)).toEqual(["early", "late"]);
    expect((await orders.findExpired(at(30), 1)).map((o) => o.id)).toEqual(["early"]);
    expect((await orders.findExpired(at(29), 10)).map((o) => o.id)).toEqual(["early"]);
    expect((await orders.findAwaitingPayment(at(60), 10)).map((o) => o.id)).toEqual(["early"]);
    expect(await orders.findAwaitingPayment(at(-10), 10)).toEqual([]);
  });

  it("orders: pending card refunds are found until settled, requested before the cutoff, oldest orders first", async () => {
    const { orders } = context.db.repos;
    const paid = makeOrder({ status: "delivered", paymentMethod: "card" });
    const refund = (id: string, minutes: number, status: "pending" | "succeeded") => ({
      id,
      amount: inr(100),
      destination: "card" as const,
      reason: "damaged in transit",
      at: at(minutes),
      status,
      settledAt: status === "pending" ? null : at(minutes),
    });
    const withRefunds = (id: string, placed: number, refunds: ReturnType<typeof refund>[]) => {
      let payment = paid.payment;
      for (const r of refunds) payment = expectOk(recordRefund(payment, r), "test refund");
      return { ...paid, id, number: `BB-${id}`, placedAt: at(placed), payment };
    };
    await orders.create(withRefunds("old-pending", -30, [refund("r1", 10, "succeeded"), refund("r2", 20, "pending")]));
    await orders.create(withRefunds("new-pending", -20, [refund("r3", 40, "pending")]));
    await orders.create(withRefunds("settled", -40, [refund("r4", 5, "succeeded")]));
    await orders.create({ ...paid, id: "no-refund", number: "BB-NO-REFUND", placedAt: at(-50) });
    expect((await orders.findWithPendingRefunds(at(60), 10)).map((o) => o.id)).toEqual(["old-pending", "new-pending"]);
    expect((await orders.findWithPendingRefunds(at(30), 10)).map((o) => o.id)).toEqual(["old-pending"]);
    expect((await orders.findWithPendingRefunds(at(60), 1)).map((o) => o.id)).toEqual(["old-pending"]);

    // Settled, it is no longer found (the saved order carries the refund's new status).
    const stored = (await orders.findById("old-pending"))!;
    const settledPayment = { ...stored.payment, refunds: stored.payment.refunds.map((r) => (r.id === "r2" ? { ...r, status: "succeeded" as const, settledAt: at(25) } : r)) };
    expect(await orders.save({ ...stored, payment: settledPayment, version: stored.version + 1 }, stored.version)).toBe(true);
    expect((await orders.findWithPendingRefunds(at(60), 10)).map((o) => o.id)).toEqual(["new-pending"]);
  });

  /** Five orders: four confirmed, one cancelled. */
  async function seedStatuses() {
    const { orders } = context.db.repos;
    const base = makeOrder({ status: "confirmed" });
    await orders.create({ ...base, id: "o1", number: "BB-O1", placedAt: new Date("2025-01-15T18:15:00Z") });
    await orders.create({ ...base, id: "o2", number: "BB-O2", placedAt: new Date("2025-01-15T18:45:00Z") });
    await orders.create({ ...base, id: "o3", number: "BB-O3", placedAt: new Date("2025-01-16T10:00:00Z") });
    await orders.create({ ...makeOrder({ status: "cancelled" }), id: "o4", number: "BB-O4", placedAt: new Date("2025-01-16T11:00:00Z") });
    await orders.create({ ...base, id: "o5", number: "BB-O5", placedAt: new Date("2025-01-20T10:00:00Z") });
  }

  it("orders: counts every status, zero for the ones without orders", async () => {
    await seedStatuses();
    const counts = await context.db.repos.orders.countByStatus();
    expect(Object.keys(counts).sort()).toEqual([...ORDER_STATUSES].sort());
    expect(counts).toMatchObject({ confirmed: 4, cancelled: 1, shipped: 0 });
  });

  it("orders: status counts follow every save; a stale save and a rolled-back one leave them as they were", async () => {
    const { orders } = context.db.repos;
    await seedStatuses();
    const o1 = (await orders.findById("o1"))!;
    expect(await orders.save({ ...o1, status: "packed", version: o1.version + 1 }, o1.version)).toBe(true);
    // Same status again: nothing moves.
    expect(await orders.save({ ...o1, status: "packed", version: o1.version + 2 }, o1.version + 1)).toBe(true);
    expect(await orders.save({ ...o1, status: "shipped", version: o1.version + 3 }, o1.version)).toBe(false);
    const o2 = (await orders.findById("o2"))!;
    const rolledBack = context.db.uow.run(async (tx) => {
      await tx.orders.save({ ...o2, status: "cancelled", version: o2.version + 1 }, o2.version);
      throw new Boom();
    });
    expect(await rejection(rolledBack)).toBeInstanceOf(Boom);
    expect(await orders.countByStatus()).toMatchObject({ confirmed: 3, packed: 1, cancelled: 1, shipped: 0 });
  });

  it("orders: status counts equal a recount after 60 concurrent saves racing on the same orders, some stale, some rolled back", async () => {
    const { orders } = context.db.repos;
    const ids = Array.from({ length: 6 }, (_, i) => `c${i}`);
    for (const [i, id] of ids.entries()) await orders.create(placedAt(makeOrder({ id, number: `BB-C${i}`, status: "confirmed" }), i));
    const statuses = ["packed", "shipped", "cancelled"] as const;
    // Every order is read once up front, so ten writers race on each one's version: one wins, the rest are stale.
    const read = await Promise.all(ids.map((id) => orders.findById(id)));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, (_, n) =>
        context.db.uow.run(async (tx) => {
          const order = read[n % ids.length]!;
          const saved = await tx.orders.save({ ...order, status: statuses[n % statuses.length]!, version: order.version + 1 }, order.version);
          if (n % 4 === 0) throw new Boom();
          return saved;
        }),
      ),
    );
    expect(outcomes.some((o) => o.status === "rejected")).toBe(true);
    const stored = (await allPages((page) => orders.list({ ...noFilters, ...page }), 50)).flat();
    const recount = Object.fromEntries(ORDER_STATUSES.map((status) => [status, stored.filter((order) => order.status === status).length]));
    expect(stored).toHaveLength(ids.length);
    expect(await orders.countByStatus()).toEqual(recount);
  });

  itNeeds(context, ["aggregationExpressions"], "orders: the owner's figures of two currencies on one day are one row per currency, never one sum", async () => {
    const { orders } = context.db.repos;
    const rupees = orderOf("o-inr", [[1, 2, 10000]]);
    const dollars = orderOf("o-usd", [[2, 1, 2500]], { currency: "USD" });
    await orders.create({ ...dollars, placedAt: new Date("2025-01-16T09:00:00Z") });
    await orders.create({ ...rupees, placedAt: new Date("2025-01-16T10:00:00Z") });
    await orders.create({ ...dollars, id: "o-usd-2", number: "BB-O-USD-2", placedAt: new Date("2025-01-16T11:00:00Z") });
    await orders.create({ ...rupees, id: "o-inr-2", number: "BB-O-INR-2", placedAt: new Date("2025-01-17T10:00:00Z") });
    const figures = await orders.salesFigures({ from: new Date("2025-01-15T00:00:00Z"), to: new Date("2025-01-18T00:00:00Z"), timeZone: "Asia/Kolkata" });
    const row = (day: string, n: number, order: Order) => ({ day, currency: order.currency, orders: n, gross: money(order.total.minor * n, order.currency), refunds: money(0, order.currency) });
    expect([...figures].sort((a, b) => `${a.day}${a.currency}`.localeCompare(`${b.day}${b.currency}`))).toEqual([
      row("2025-01-16", 1, rupees),
      row("2025-01-16", 2, dollars),
      row("2025-01-17", 1, rupees),
    ]);
  });

  itNeeds(context, ["aggregationExpressions"], "orders: the owner's figures count paid orders only, by the store's day and by currency, with their refunds", async () => {
    const { orders } = context.db.repos;
    const on = (order: Order, iso: string): Order => ({ ...order, placedAt: new Date(iso) });
    const card = orderOf("card", [[1, 1, 10_000]]);
    await orders.create(on(card, "2025-01-15T20:00:00Z")); // 16 Jan in Kolkata
    const refunded = orderOf("refunded", [[1, 2, 10_000]]);
    const refund = { id: "r1", amount: inr(5_000), destination: "card" as const, reason: "damaged", at: at(1), status: "succeeded" as const, settledAt: at(1) };
    await orders.create(on({ ...refunded, payment: expectOk(recordRefund(refunded.payment, refund), "test refund") }, "2025-01-16T05:00:00Z"));
    await orders.create(on(orderOf("usd", [[2, 1, 3_000]], { currency: "USD" }), "2025-01-16T06:00:00Z"));
    await orders.create(on(orderOf("unpaid", [[1, 1, 10_000]], { status: "pending_payment" }), "2025-01-16T07:00:00Z"));
    await orders.create(on(orderOf("cancelled-unpaid", [[1, 1, 10_000]], { status: "cancelled" }), "2025-01-16T08:00:00Z"));
    await orders.create(on(makeOrder({ id: "cod-open", paymentMethod: "cod", status: "shipped" }), "2025-01-16T09:00:00Z"));
    const codDelivered = makeOrder({ id: "cod-paid", paymentMethod: "cod", status: "delivered" });
    await orders.create(on(codDelivered, "2025-01-14T20:00:00Z")); // 15 Jan in Kolkata
    const figures = await orders.salesFigures({ from: new Date("2025-01-14T00:00:00Z"), to: new Date("2025-01-17T00:00:00Z"), timeZone: "Asia/Kolkata" });
    const inrDay = (day: string, n: number, gross: number, refunds: number) => ({ day, currency: "INR", orders: n, gross: inr(gross), refunds: inr(refunds) });
    expect([...figures].sort((a, b) => `${a.day}${a.currency}`.localeCompare(`${b.day}${b.currency}`))).toEqual([
      inrDay("2025-01-15", 1, codDelivered.payment.captured.minor, 0),
      inrDay("2025-01-16", 2, card.total.minor + refunded.total.minor, 5_000),
      { day: "2025-01-16", currency: "USD", orders: 1, gross: money(orderOf("x", [[2, 1, 3_000]], { currency: "USD" }).total.minor, "USD"), refunds: money(0, "USD") },
    ]);
  });

  it("idempotency: a key is claimed once per user and scope", async () => {
    const { idempotency } = context.db.repos;
    await idempotency.claim(makeIdempotency());
    expect(await idempotency.find("user-1", "place_order", "key-1")).toEqual(makeIdempotency());
    await expectDuplicate(idempotency.claim(makeIdempotency({ resultId: "order-2" })), "idempotency_keys.user_scope_key");
    await idempotency.claim(makeIdempotency({ scope: "refund" }));
    await idempotency.claim(makeIdempotency({ userId: "user-2" }));
    expect(await idempotency.find("user-1", "place_order", "key-1")).toEqual(makeIdempotency());
    expect(await idempotency.find("user-1", "wallet_top_up", "key-1")).toBeNull();
  });

  it("idempotency: open top-ups are found oldest first once past the grace period, and closed once", async () => {
    const { idempotency } = context.db.repos;
    const topUp = (key: string, minutes: number, user = "user-1") =>
      makeIdempotency({ userId: user, scope: "wallet_top_up", key, resultId: `pi_${key}`, createdAt: at(minutes), openSince: at(minutes) });
    await idempotency.claim(topUp("late", 3));
    await idempotency.claim(topUp("early", 1, "user-2"));
    await idempotency.claim(topUp("recent", 10));
    // Closed at birth (another scope, or a top-up already settled) is never listed.
    await idempotency.claim(makeIdempotency({ createdAt: at(0) }));
    await idempotency.claim(makeIdempotency({ scope: "wallet_top_up", key: "done", createdAt: at(0), openSince: null }));

    expect((await idempotency.findOpen("wallet_top_up", at(5), 10)).map((r) => r.key)).toEqual(["early", "late"]);
    expect(await idempotency.findOpen("wallet_top_up", at(5), 1)).toEqual([topUp("early", 1, "user-2")]);
    expect(await idempotency.findOpen("place_order", at(5), 10)).toEqual([]);

    expect(await idempotency.close("user-2", "wallet_top_up", "early")).toBe(true);
    expect(await idempotency.close("user-2", "wallet_top_up", "early")).toBe(false);
    expect(await idempotency.close("user-1", "wallet_top_up", "missing")).toBe(false);
    expect(await idempotency.find("user-2", "wallet_top_up", "early")).toEqual({ ...topUp("early", 1, "user-2"), openSince: null });
    expect((await idempotency.findOpen("wallet_top_up", at(60), 10)).map((r) => r.key)).toEqual(["late", "recent"]);
  });
}
