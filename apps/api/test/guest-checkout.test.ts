import { randomUUID } from "node:crypto";
import { makeCoupon } from "@bbscart/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderLinks } from "../src/services/guests/index.js";
import { addProduct, address, makeShoppers, newKey, stockOf } from "./checkout-fixtures.js";
import { startApp, testSecrets, type RunningApp } from "./harness.js";
import { rest } from "./rest-client/http.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

interface GuestReceipt {
  orderId: string;
  orderNumber: string;
  status: string;
  clientSecret: string | null;
  token: string;
}

const guestEmail = () => `guest-${randomUUID().slice(0, 8)}@example.test`;
let phones = 0;
/** A fresh Indian mobile number as a guest might type it. */
const guestPhone = () => `98${String(process.pid % 1000).padStart(3, "0")}${String(++phones).padStart(5, "0")}`;

describe("guest checkout and order tracking", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({
      dataDir: tempDir(),
      variables: { MUTATIONS_PER_IP_PER_MINUTE: "1000000", TRACK_LOOKUPS_PER_IP: "1000", TRACK_LOOKUPS_PER_ORDER: "4" },
    });
  });
  afterAll(() => app.close());

  const checkout = (input: Record<string, unknown>) => call(app.url, "guest.checkout", input);
  const guestOrder = async (overrides: Record<string, unknown> = {}) => {
    const product = await addProduct(app, { stock: 10 });
    const input = {
      email: guestEmail(),
      phone: guestPhone(),
      address,
      deliveryOptionId: "standard",
      paymentMethod: "cod",
      idempotencyKey: newKey(),
      lines: [{ variantId: product.variantId, quantity: 2 }],
      ...overrides,
    };
    return { input, product, result: await checkout(input) };
  };

  it("places a cash-on-delivery order without an account, owned by nobody and reachable by its signed link", async () => {
    const { input, product, result } = await guestOrder({ email: " Guest.Case@Example.test" });
    expect(result.status).toBe(200);
    const receipt = result.data as GuestReceipt;
    expect(receipt.status).toBe("confirmed");
    const stored = await app.db.repos.orders.findById(receipt.orderId);
    expect(stored).toMatchObject({ userId: null, guest: { email: "guest.case@example.test", phone: `+91${input.phone}` } });
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 8, reserved: 0 });
    const opened = await call(app.url, "guest.byToken", { token: receipt.token });
    expect(opened.data).toMatchObject({ number: receipt.orderNumber, status: "confirmed", paymentMethod: "cod", canPay: false });
    expect((opened.data as { receipt: { rows: { kind: string }[] } }).receipt.rows.map((row) => row.kind)).toContain("line");
  });

  it("replays the same key and body with the same order, and refuses the key for another body", async () => {
    const { input, result } = await guestOrder();
    const again = await checkout(input);
    expect((again.data as GuestReceipt).orderId).toBe((result.data as GuestReceipt).orderId);
    const other = await checkout({ ...input, paymentMethod: "card" });
    expect([other.status, other.error?.data.reason]).toEqual([409, "IDEMPOTENCY_KEY_REUSED"]);
    // Lines in the body are the guest's cart: other lines under the same key are another request.
    const otherLines = await checkout({ ...input, lines: [{ ...input.lines[0]!, quantity: 1 }] });
    expect([otherLines.status, otherLines.error?.data.reason]).toEqual([409, "IDEMPOTENCY_KEY_REUSED"]);
  });

  it("refuses a wallet, a bad phone and an address without a valid PIN before writing anything", async () => {
    const before = (await app.db.repos.orders.list({ status: null, statuses: null, paymentStatus: null, paymentMethod: null, userId: null, placedFrom: null, placedTo: null, search: null, cursor: null, limit: 100 })).items.length;
    const wallet = await guestOrder({ paymentMethod: "wallet" });
    expect([wallet.result.status, wallet.result.error?.data.fieldErrors[0]?.path]).toEqual([400, "paymentMethod"]);
    const phone = await guestOrder({ phone: "12345" });
    expect([phone.result.status, phone.result.error?.data.fieldErrors[0]?.path]).toEqual([400, "phone"]);
    const pin = await guestOrder({ address: { ...address, postalCode: "5600" } });
    expect([pin.result.status, pin.result.error?.data.fieldErrors[0]?.path]).toEqual([400, "address.postalCode"]);
    const after = (await app.db.repos.orders.list({ status: null, statuses: null, paymentStatus: null, paymentMethod: null, userId: null, placedFrom: null, placedTo: null, search: null, cursor: null, limit: 100 })).items.length;
    expect(after).toBe(before);
  });

  it("refuses a tampered, re-signed or expired link with one answer", async () => {
    const receipt = (await guestOrder()).result.data as GuestReceipt;
    const [orderId, expires, mac] = receipt.token.split(".");
    const other = (await guestOrder()).result.data as GuestReceipt;
    const forged = [
      `${orderId}.${expires}.${mac!.slice(0, -1)}${mac!.endsWith("A") ? "B" : "A"}`,
      `${other.orderId}.${expires}.${mac}`,
      `${orderId}.${Number(expires) + 1}.${mac}`,
      orderLinks("not-the-server-secret-not-the-server-secret", 30).sign(orderId!, new Date()),
      // Signed with the server's own secret, but a day past its expiry.
      orderLinks(testSecrets.jwtSecret, 30).sign(orderId!, new Date(Date.now() - 31 * 86_400_000)),
      "garbage",
    ];
    for (const token of forged) {
      const refused = await call(app.url, "guest.byToken", { token });
      expect([refused.status, refused.error?.data.reason, refused.error?.message]).toEqual([404, "ORDER_LINK_INVALID", expect.stringContaining("not valid")]);
    }
  });

  it("tracks an order by number with the email or the phone, and answers a wrong contact like a guessed number", async () => {
    const { input, result } = await guestOrder();
    const receipt = result.data as GuestReceipt;
    const byEmail = await call(app.url, "guest.track", { number: receipt.orderNumber.toLowerCase(), email: input.email.toUpperCase() });
    expect(byEmail.data).toMatchObject({ id: receipt.orderId, status: "confirmed" });
    const byPhone = await call(app.url, "guest.track", { number: receipt.orderNumber, phone: `+91 ${input.phone}` });
    expect(byPhone.data).toMatchObject({ id: receipt.orderId });
    const wrongEmail = await call(app.url, "guest.track", { number: receipt.orderNumber, email: "someone-else@example.test" });
    const guessed = await call(app.url, "guest.track", { number: "BB-99999", email: input.email });
    expect(wrongEmail.status).toBe(404);
    expect(guessed.status).toBe(404);
    // The same answer, field for field, but for the request id every answer carries.
    const shape = (error: typeof guessed.error) => ({ ...error, data: { ...error?.data, requestId: null } });
    expect(shape(wrongEmail.error)).toEqual(shape(guessed.error));
  });

  it("stops guessing one order number after its limit, with 429 and Retry-After, whatever the contact", async () => {
    const receipt = (await guestOrder()).result.data as GuestReceipt;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(app.url, "guest.track", { number: receipt.orderNumber, email: `guess-${i}@example.test` })).status);
    expect(statuses).toEqual([404, 404, 404, 404, 429]);
    const throttled = await call(app.url, "guest.track", { number: receipt.orderNumber, email: "any@example.test" });
    expect([throttled.status, throttled.error?.data.reason]).toEqual([429, "TRACKING_THROTTLED"]);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("counts a once-per-customer coupon for a guest by email and by phone, and for an account by its email", async () => {
    const code = `ONCE${randomUUID().slice(0, 6).toUpperCase()}`;
    await app.db.repos.coupons.create(makeCoupon({ code, perCustomerLimit: 1 }));
    const email = guestEmail();
    const phone = guestPhone();
    expect((await guestOrder({ email, phone, couponCode: code })).result.status).toBe(200);
    const sameEmail = await guestOrder({ email, couponCode: code });
    expect([sameEmail.result.status, sameEmail.result.error?.data.reason]).toEqual([409, "COUPON_UNAVAILABLE"]);
    const samePhone = await guestOrder({ phone, couponCode: code });
    expect(samePhone.result.error?.data.reason).toBe("COUPON_UNAVAILABLE");
    // An account that redeemed it cannot redeem it again as a guest under its own email.
    const [shopper] = await makeShoppers(app, 1);
    const product = await addProduct(app, { stock: 5 });
    await call(app.url, "cart.add", { variantId: product.variantId, quantity: 1 }, { token: shopper!.token });
    await call(app.url, "cart.applyCoupon", { code }, { token: shopper!.token });
    const mine = await call(app.url, "order.place", { address, deliveryOptionId: "standard", paymentMethod: "cod", idempotencyKey: newKey() }, { token: shopper!.token });
    expect(mine.status).toBe(200);
    const asGuest = await guestOrder({ email: shopper!.user.email, couponCode: code });
    expect(asGuest.result.error?.data.reason).toBe("COUPON_UNAVAILABLE");
    expect((await app.db.repos.coupons.findByCode(code))?.usedCount).toBe(2);
  });

  it("lets one of two simultaneous guest orders with the same email use a once-per-customer coupon", async () => {
    const code = `RACE${randomUUID().slice(0, 6).toUpperCase()}`;
    await app.db.repos.coupons.create(makeCoupon({ code, perCustomerLimit: 1 }));
    const email = guestEmail();
    const product = await addProduct(app, { stock: 10 });
    const attempt = () =>
      checkout({ email, phone: guestPhone(), address, deliveryOptionId: "standard", paymentMethod: "cod", idempotencyKey: newKey(), lines: [{ variantId: product.variantId, quantity: 1 }], couponCode: code });
    const results = await Promise.all([attempt(), attempt()]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 9, reserved: 0 });
    expect((await app.db.repos.coupons.findByCode(code))?.usedCount).toBe(1);
  });

  it("gives a guest's orders to an account of their email only with an order's link: registering alone claims nothing", async () => {
    const email = guestEmail();
    const first = (await guestOrder({ email })).result.data as GuestReceipt;
    const second = (await guestOrder({ email, paymentMethod: "card" })).result.data as GuestReceipt;
    const stranger = (await guestOrder()).result.data as GuestReceipt;
    // Anyone can register with any email (there is no verification): that alone shows them nothing.
    const registered = await call(app.url, "auth.register", { email: email.toUpperCase(), password: "correct horse battery", name: "Guest Later" });
    expect(registered.status).toBe(200);
    const token = (registered.data as { accessToken: string }).accessToken;
    const orders = async () => ((await call(app.url, "order.list", {}, { token })).data as { items: { id: string }[] }).items.map((o) => o.id).sort();
    expect(await orders()).toEqual([]);

    // Another account's link, a forged link, and no sign-in are all refused, and claim nothing.
    const other = await call(app.url, "guest.claim", { token: stranger.token }, { token });
    expect([other.status, other.error?.data.reason]).toEqual([403, "GUEST_ORDER_OTHER_EMAIL"]);
    expect((await call(app.url, "guest.claim", { token: `${first.token.slice(0, -2)}xx` }, { token })).status).toBe(404);
    expect((await call(app.url, "guest.claim", { token: first.token })).status).toBe(401);
    expect(await orders()).toEqual([]);

    // The link from the emails proves the mailbox: every guest order of that email joins the account, once.
    const claimed = await call(app.url, "guest.claim", { token: first.token }, { token });
    expect(claimed.data).toEqual({ claimed: 2 });
    expect(await orders()).toEqual([first.orderId, second.orderId].sort());
    expect((await app.db.repos.orders.findById(stranger.orderId))?.userId).toBeNull();
    expect((await call(app.url, "guest.claim", { token: second.token }, { token })).data).toEqual({ claimed: 0 });
    // Claimed orders keep their guest link working; the card order can be paid from the account now.
    expect((await call(app.url, "guest.byToken", { token: first.token })).status).toBe(200);
    expect((await call(app.url, "order.payment", { orderId: second.orderId }, { token })).status).toBe(200);
  });

  it("pays a guest's card order again through its link", async () => {
    const receipt = (await guestOrder({ paymentMethod: "card" })).result.data as GuestReceipt;
    expect(receipt.clientSecret).toMatch(/_secret$/);
    const again = await call(app.url, "guest.payment", { token: receipt.token });
    expect(again.data).toEqual({ clientSecret: receipt.clientSecret });
    const cod = (await guestOrder()).result.data as GuestReceipt;
    expect((await call(app.url, "guest.payment", { token: cod.token })).error?.data.reason).toBe("NOT_A_CARD_ORDER");
  });

  it("takes a guest checkout over /api/v1 with the Idempotency-Key header and opens it at its Location", async () => {
    const product = await addProduct(app, { stock: 3 });
    const body = { email: guestEmail(), phone: guestPhone(), address, deliveryOptionId: "standard", paymentMethod: "cod", lines: [{ variantId: product.variantId, quantity: 1 }] };
    const key = newKey();
    const placed = await rest(app.url, "POST", "/guest/orders", { body, headers: { "idempotency-key": key } });
    expect(placed.status).toBe(201);
    const location = placed.headers.get("location")!;
    expect(location).toMatch(/^\/api\/v1\/order-links\//);
    const replay = await rest(app.url, "POST", "/guest/orders", { body, headers: { "idempotency-key": key } });
    expect((replay.body as GuestReceipt).orderId).toBe((placed.body as GuestReceipt).orderId);
    const opened = await rest(app.url, "GET", location.replace("/api/v1", ""));
    expect(opened.status).toBe(200);
    const tracked = await rest(app.url, "POST", "/guest/orders/track", { body: { number: (placed.body as GuestReceipt).orderNumber, email: body.email } });
    expect(tracked.status).toBe(200);
    const missed = await rest(app.url, "POST", "/guest/orders/track", { body: { number: (placed.body as GuestReceipt).orderNumber, email: "nope@example.test" } });
    expect(missed.status).toBe(404);
  });
});
