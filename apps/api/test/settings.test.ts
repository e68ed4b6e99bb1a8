import { defaultStoreSettings, type AuditEntry, type Coupon } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { createProduct, ok, suiteDir } from "./catalog-fixtures.js";
import { addProduct, address, creditWallet, makeShoppers, newKey } from "./checkout-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { call } from "./trpc-http.js";

describe("store settings and coupons over HTTP", () => {
  const data = suiteDir();
  let app: RunningApp;
  let admin: TestAccount;
  const as = (procedure: string, input?: unknown) => call(app.url, procedure, input, { token: admin.token });
  const auditOf = async (targetId: string): Promise<readonly AuditEntry[]> =>
    (await app.db.repos.audit.list({ actorId: null, action: null, targetType: null, targetId, from: null, to: null, cursor: null, limit: 50 })).items;

  beforeAll(async () => {
    app = await startApp({ dataDir: data.dir, variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    admin = await createAccount(app, { role: "admin", permissions: ["settings.manage", "catalog.manage"] });
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it("saves settings, audits them, and tells shoppers only what they need", async () => {
    expect((await as("admin.settings.get")).data).toEqual(defaultStoreSettings);
    const express = { id: "same-day", label: "Same day", feeMinor: 19900, freeOverMinor: null, etaDays: { min: 0, max: 0 } };
    const changed = { ...defaultStoreSettings, taxRateBp: 500, codEnabled: false, timeZone: "Europe/Berlin", lowStockThreshold: 2, deliveryOptions: [express] };
    expect((await as("admin.settings.update", changed)).data).toEqual(changed);
    expect((await as("admin.settings.get")).data).toEqual(changed);

    const info = await ok(app.url, "catalog.storeInfo", undefined, {});
    // Whether the store is GST-registered: the shop says its receipts are bills of supply until it is.
    expect(info).toEqual({ storeName: "BBSCART", currency: "INR", deliveryOptions: [express], codEnabled: false, returnWindowDays: 7, gstRegistered: false, gstSlabsBp: [0, 500, 1800, 4000] });

    const [entry] = await auditOf("store");
    expect(entry).toMatchObject({ action: "settings.update", actorId: admin.user.id, before: { taxRateBp: 1800, codEnabled: true }, after: { taxRateBp: 500, timeZone: "Europe/Berlin" } });
  });

  it("refuses an unknown time zone, bad amounts and a currency change once products are priced, naming the field", async () => {
    const zone = await as("admin.settings.update", { ...defaultStoreSettings, timeZone: "Mars/Olympus" });
    expect(zone.status).toBe(400);
    expect(zone.error?.data.fieldErrors).toEqual([{ path: "timeZone", message: "Time zone must be an IANA time zone such as Asia/Kolkata" }]);
    const fee = await as("admin.settings.update", { ...defaultStoreSettings, deliveryOptions: [{ ...defaultStoreSettings.deliveryOptions[0]!, feeMinor: 49.5 }] });
    expect(fee.error?.data.fieldErrors[0]).toMatchObject({ path: "deliveryOptions.0.feeMinor" });

    expect((await as("admin.settings.update", { ...defaultStoreSettings, currency: "USD" })).data).toMatchObject({ currency: "USD" });
    await as("admin.settings.update", defaultStoreSettings);
    const category = await ok<{ id: string }>(app.url, "admin.catalog.createCategory", { name: "Spices" }, { token: admin.token });
    await createProduct(app.url, admin.token, { name: "Saffron", categoryId: category.id, variants: [{ sku: "SAF-1", priceMinor: 50000 }] });
    const priced = await as("admin.settings.update", { ...defaultStoreSettings, currency: "USD" });
    expect(priced.status).toBe(409);
    expect(priced.error?.data.fieldErrors).toEqual([{ path: "currency", message: "Currency cannot change while products are priced in INR" }]);
    expect((await as("admin.settings.get")).data).toMatchObject({ currency: "INR" });
  });

  it("creates, lists with usage counts, updates and deactivates coupons, each change audited", async () => {
    const created = await as("admin.settings.coupons.create", { kind: "percentage", code: "diwali20", percentBp: 2000, maxDiscountMinor: 50000, minOrderMinor: 99900, usageLimit: 100, perCustomerLimit: 1 });
    expect(created.data).toMatchObject({ code: "DIWALI20", kind: "percentage", percentBp: 2000, maxDiscount: { minor: 50000, currency: "INR" }, minOrder: { minor: 99900 }, usedCount: 0 });
    expect((await as("admin.settings.coupons.create", { kind: "fixed", code: "DIWALI20", amountMinor: 100 })).error?.data.fieldErrors).toEqual([
      { path: "code", message: "Coupon code is already used by another coupon" },
    ]);

    expect(await app.db.repos.coupons.redeemIfAvailable("DIWALI20", ["someone"])).toBe(true);
    const listed = (await as("admin.settings.coupons.list", {})).data as { items: Coupon[] };
    expect(listed.items.find((c) => c.code === "DIWALI20")).toMatchObject({ usedCount: 1, usageLimit: 100 });

    const updated = await as("admin.settings.coupons.update", { code: "diwali20", expectedVersion: 1, discount: { kind: "fixed", amountMinor: 15000 }, usageLimit: 50, expiresAt: "2031-01-01T00:00:00Z" });
    expect(updated.data).toMatchObject({ kind: "fixed", amount: { minor: 15000 }, usageLimit: 50, usedCount: 1, expiresAt: new Date("2031-01-01T00:00:00Z") });
    expect(updated.data).not.toHaveProperty("percentBp");

    const window = await as("admin.settings.coupons.update", { code: "DIWALI20", expectedVersion: 2, startsAt: "2032-01-01T00:00:00Z" });
    expect(window.error?.data.fieldErrors).toEqual([{ path: "expiresAt", message: "Expiry must be after the start" }]);
    expect((await as("admin.settings.coupons.update", { code: "NOPE1", expectedVersion: 1, active: true })).error?.data.code).toBe("NOT_FOUND");

    expect((await as("admin.settings.coupons.deactivate", { code: "diwali20" })).data).toMatchObject({ active: false });
    const actions = (await auditOf("DIWALI20")).map((e) => e.action);
    expect(actions.sort()).toEqual(["coupon.create", "coupon.deactivate", "coupon.update"]);
    expect((await auditOf("DIWALI20")).find((e) => e.action === "coupon.update")).toMatchObject({
      before: { kind: "percentage", percentBp: 2000, usageLimit: 100 },
      after: { kind: "fixed", amountMinor: 15000, usageLimit: 50 },
    });
  });

  it("lists each coupon with the status it has now: expired, scheduled, used up, disabled or active", async () => {
    const day = 86_400_000;
    const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();
    await as("admin.settings.coupons.create", { kind: "fixed", code: "MONSOON50", amountMinor: 5000, expiresAt: iso(-30), usageLimit: 1000 });
    await as("admin.settings.coupons.create", { kind: "fixed", code: "LATER10", amountMinor: 1000, startsAt: iso(3), expiresAt: iso(10) });
    await as("admin.settings.coupons.create", { kind: "fixed", code: "ONCEONLY", amountMinor: 1000, usageLimit: 1 });
    await as("admin.settings.coupons.create", { kind: "fixed", code: "SWITCHEDOFF", amountMinor: 1000, active: false });
    await as("admin.settings.coupons.create", { kind: "fixed", code: "OPEN10", amountMinor: 1000, expiresAt: iso(30) });
    expect(await app.db.repos.coupons.redeemIfAvailable("ONCEONLY", ["someone"])).toBe(true);
    const listed = (await as("admin.settings.coupons.list", { limit: 100 })).data as { items: { code: string; status: string }[] };
    const status = Object.fromEntries(listed.items.map((c) => [c.code, c.status]));
    expect(status).toMatchObject({ MONSOON50: "expired", LATER10: "scheduled", ONCEONLY: "used_up", SWITCHEDOFF: "disabled", OPEN10: "active" });
    // Editing the expiry brings it back, audited like any change.
    await as("admin.settings.coupons.update", { code: "MONSOON50", expectedVersion: 1, expiresAt: iso(30) });
    const again = (await as("admin.settings.coupons.list", { limit: 100 })).data as { items: { code: string; status: string }[] };
    expect(again.items.find((c) => c.code === "MONSOON50")?.status).toBe("active");
    expect((await auditOf("MONSOON50")).map((e) => e.action).sort()).toEqual(["coupon.create", "coupon.update"]);
  });

  it("edits every rule of a coupon from the version the admin saw, audited with before and after", async () => {
    await as("admin.settings.coupons.create", { kind: "percentage", code: "EDITME", description: "Launch mailer", percentBp: 1000, usageLimit: 20 });
    const edit = {
      code: "editme",
      expectedVersion: 1,
      description: "Second mailer",
      discount: { kind: "percentage", percentBp: 1500, maxDiscountMinor: 30000 },
      minOrderMinor: 50000,
      startsAt: "2030-01-01T00:00:00Z",
      expiresAt: "2030-02-01T00:00:00Z",
      usageLimit: 40,
      perCustomerLimit: 2,
      active: false,
    };
    const edited = await as("admin.settings.coupons.update", edit);
    expect(edited.data).toMatchObject({
      code: "EDITME",
      description: "Second mailer",
      percentBp: 1500,
      maxDiscount: { minor: 30000, currency: "INR" },
      minOrder: { minor: 50000 },
      startsAt: new Date("2030-01-01T00:00:00Z"),
      expiresAt: new Date("2030-02-01T00:00:00Z"),
      usageLimit: 40,
      perCustomerLimit: 2,
      active: false,
      version: 2,
      status: "disabled",
      sales: [],
    });
    const [entry] = (await auditOf("EDITME")).filter((e) => e.action === "coupon.update");
    expect(entry).toMatchObject({
      actorId: admin.user.id,
      before: { description: "Launch mailer", percentBp: 1000, maxDiscountMinor: null, minOrderMinor: null, usageLimit: 20, perCustomerLimit: null, active: true, version: 1 },
      after: { description: "Second mailer", percentBp: 1500, maxDiscountMinor: 30000, minOrderMinor: 50000, startsAt: "2030-01-01T00:00:00.000Z", usageLimit: 40, perCustomerLimit: 2, active: false, version: 2 },
    });
  });

  it("refuses a stale edit with 409 and changes nothing, over tRPC and REST", async () => {
    await as("admin.settings.coupons.create", { kind: "fixed", code: "TWOTABS", amountMinor: 1000 });
    expect((await as("admin.settings.coupons.update", { code: "TWOTABS", expectedVersion: 1, description: "First tab" })).data).toMatchObject({ version: 2 });
    const stale = await as("admin.settings.coupons.update", { code: "TWOTABS", expectedVersion: 1, description: "Second tab" });
    expect(stale.status).toBe(409);
    expect(stale.error?.data).toMatchObject({ code: "CONFLICT", reason: "COUPON_CHANGED", fieldErrors: [{ path: "expectedVersion" }] });

    const patch = (body: object) =>
      fetch(`${app.url}/api/v1/admin/coupons/TWOTABS`, { method: "PATCH", headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    const restStale = await patch({ expectedVersion: 1, description: "Third tab" });
    expect(restStale.status).toBe(409);
    expect(await restStale.json()).toMatchObject({ code: "CONFLICT", errors: [{ path: "expectedVersion" }] });
    const restEdit = await patch({ expectedVersion: 2, usageLimit: 5 });
    expect(restEdit.status).toBe(200);
    expect(await restEdit.json()).toMatchObject({ code: "TWOTABS", description: "First tab", usageLimit: 5, version: 3, status: "active" });
    expect((await auditOf("TWOTABS")).filter((e) => e.action === "coupon.update")).toHaveLength(2);
  });

  it("refuses bad input naming the field, and never a total limit below the redemptions made", async () => {
    await as("admin.settings.coupons.create", { kind: "fixed", code: "POPULAR", amountMinor: 1000, usageLimit: 10 });
    for (const user of ["a", "b", "c"]) expect(await app.db.repos.coupons.redeemIfAvailable("POPULAR", [user])).toBe(true);
    const below = await as("admin.settings.coupons.update", { code: "POPULAR", expectedVersion: 1, usageLimit: 2 });
    expect(below.status).toBe(400);
    expect(below.error?.data.fieldErrors).toEqual([{ path: "usageLimit", message: "Total uses cannot be below the 3 uses already made" }]);
    expect((await as("admin.settings.coupons.update", { code: "POPULAR", expectedVersion: 1, usageLimit: 3 })).data).toMatchObject({ usageLimit: 3, usedCount: 3, status: "used_up" });

    const fields = async (input: object) => (await as("admin.settings.coupons.update", { code: "POPULAR", expectedVersion: 2, ...input })).error?.data.fieldErrors;
    expect(await fields({ usageLimit: 1.5 })).toEqual([{ path: "usageLimit", message: "Total uses must be a whole number" }]);
    expect(await fields({ discount: { kind: "fixed", amountMinor: -5 } })).toEqual([{ path: "discount.amountMinor", message: "Discount amount must be at least ₹0.01" }]);
    expect(await fields({ expiresAt: "not a date" })).toEqual([{ path: "expiresAt", message: "Expiry must be a date and time" }]);
    expect(await fields({ description: "x".repeat(201) })).toEqual([{ path: "description", message: "Description must be at most 200 characters" }]);
    const rest = await fetch(`${app.url}/api/v1/admin/coupons/POPULAR`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/json" },
      body: JSON.stringify({ expectedVersion: 2, usageLimit: 1 }),
    });
    expect(rest.status).toBe(422);
    expect(await rest.json()).toMatchObject({ errors: [{ path: "usageLimit" }] });
    expect(await app.db.repos.coupons.findByCode("POPULAR")).toMatchObject({ usageLimit: 3, version: 2 });
  });

  it("lists each coupon's redemptions and the revenue of its paid orders; an edit leaves orders already made as they were", async () => {
    await as("admin.settings.coupons.create", { kind: "fixed", code: "SALE200", amountMinor: 20000 });
    const [shopper] = await makeShoppers(app, 1);
    const product = await addProduct(app, { stock: 10, priceMinor: 100_000 });
    await creditWallet(app, shopper!.user.id, 1_000_000);
    const asShopper = (procedure: string, input: unknown) => call(app.url, procedure, input, { token: shopper!.token });
    await asShopper("cart.add", { variantId: product.variantId, quantity: 1 });
    await asShopper("cart.applyCoupon", { code: "sale200" });
    const placed = await asShopper("order.place", { address, deliveryOptionId: "standard", paymentMethod: "wallet", idempotencyKey: newKey() });
    const order = placed.data as { orderId: string; status: string; total: { minor: number } };
    expect(order.status).toBe("confirmed");

    const listed = (await as("admin.settings.coupons.list", { limit: 100 })).data as { items: Array<{ code: string; usedCount: number; sales: unknown[] }> };
    expect(listed.items.find((c) => c.code === "SALE200")).toMatchObject({
      usedCount: 1,
      sales: [{ currency: "INR", orders: 1, gross: { minor: order.total.minor }, refunds: { minor: 0 }, net: { minor: order.total.minor } }],
    });
    const rest = await fetch(`${app.url}/api/v1/admin/coupons?limit=100`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(((await rest.json()) as { items: Array<{ code: string; usedCount: number }> }).items.find((c) => c.code === "SALE200")).toMatchObject({ usedCount: 1 });

    await as("admin.settings.coupons.update", { code: "SALE200", expectedVersion: 1, discount: { kind: "fixed", amountMinor: 5000 } });
    const after = await app.db.repos.orders.findById(order.orderId);
    expect({ coupon: after?.couponCode, discount: after?.discount.minor, total: after?.total.minor }).toEqual({ coupon: "SALE200", discount: 20000, total: order.total.minor });
  });
});
