import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bullConnection, enqueuePaymentEvent, queueNames } from "../src/jobs/queues.js";
import { addProduct, makeShoppers, newKey, stockOf, walletBalance, type Shopper } from "./checkout-fixtures.js";
import { eventually, orderOf, placeCardOrder, startSandboxApp, type SandboxApp } from "./payments-fixtures.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
  redirect: "manual" as const,
});

describe("the sandbox provider over HTTP", () => {
  const tempDir = useTempDirs();
  let app: SandboxApp;
  let shopper: Shopper;

  const pay = (path: string, fields: Record<string, string>) => fetch(`${app.url}${path}`, form(fields));

  beforeAll(async () => {
    app = await startSandboxApp(tempDir());
    [shopper] = (await makeShoppers(app, 1)) as [Shopper];
  });
  afterAll(() => app.close());

  it("reports the provider, so the shop can show its sandbox banner", async () => {
    expect((await call(app.url, "system.info")).data).toMatchObject({ paymentProvider: "sandbox" });
  });

  it("takes a card order from placement to confirmed: page, card form, signed webhook, worker", async () => {
    const product = await addProduct(app, { stock: 2, priceMinor: 49_900 });
    const receipt = await placeCardOrder(app, shopper, product.variantId);
    const returnUrl = `/orders/${receipt.orderId}?paid=1`;
    const query = new URLSearchParams({ client_secret: receipt.clientSecret!, return_url: returnUrl });

    const page = await fetch(`${app.url}/sandbox/pay?${query.toString()}`);
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'nonce-[^']+'/);
    // The app listens on loopback, where the shop is also [::1]: CSP has no syntax for an IPv6 literal,
    // and Chrome logs any such source as an error. 'self' already covers a page served from there.
    const formAction = /form-action ([^;]+)/.exec(csp)![1]!.split(" ");
    expect(formAction).toContain("'self'");
    expect(formAction).toContain(`http://localhost:${new URL(app.url).port}`);
    expect(formAction.some((source) => source.includes("["))).toBe(false);
    const html = await page.text();
    expect(html).toContain("SANDBOX — no real money");
    expect(html).toMatch(/<label for="card_number">[^<]+<\/label>\s*<input id="card_number"/);
    expect(html).toContain('name="viewport" content="width=device-width');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);

    const paid = await pay("/sandbox/pay", { client_secret: receipt.clientSecret!, return_url: returnUrl, card_number: "4242 4242 4242 4242", expiry: "12/34", cvc: "123" });
    expect(paid.status).toBe(303);
    const location = new URL(paid.headers.get("location")!, app.url);
    expect(location.pathname).toBe(`/orders/${receipt.orderId}`);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({ paid: "1", redirect_status: "succeeded" });
    const intentId = location.searchParams.get("payment_intent")!;

    const order = await eventually(async () => {
      const current = await orderOf(app, receipt.orderId);
      return current.status === "confirmed" ? current : null;
    });
    expect(order.payment).toMatchObject({ status: "paid", providerIntentId: intentId });
    expect(await stockOf(app, product.variantId)).toEqual({ onHand: 1, reserved: 0 });

    // Paying again (back button, double submit) sends nothing new and lands on the same result.
    const again = await pay("/sandbox/pay", { client_secret: receipt.clientSecret!, return_url: returnUrl, card_number: "4242424242424242", expiry: "12/34", cvc: "1" });
    expect(again.headers.get("location")).toContain("redirect_status=succeeded");
    expect((await app.db.repos.webhooks.list({ status: null, cursor: null, limit: 100 })).items.filter((e) => e.type === "payment_succeeded")).toHaveLength(1);
  });

  it("declines 4000 0000 0000 0002 and asks 4000 0025 0000 3155 for an extra step", async () => {
    const product = await addProduct(app, { stock: 2 });
    const receipt = await placeCardOrder(app, shopper, product.variantId);
    const fields = { client_secret: receipt.clientSecret!, return_url: "/orders", expiry: "12/34", cvc: "123" };

    const declined = await pay("/sandbox/pay", { ...fields, card_number: "4000000000000002" });
    expect(declined.headers.get("location")).toContain("redirect_status=failed");
    await eventually(async () => (await orderOf(app, receipt.orderId)).payment.failedAttempts.length === 1);

    const unknown = await pay("/sandbox/pay", { ...fields, card_number: "1234 5678 9012 3456" });
    expect(unknown.status).toBe(422);

    const challenge = await pay("/sandbox/pay", { ...fields, card_number: "4000 0025 0000 3155" });
    expect(challenge.status).toBe(200);
    expect(await challenge.text()).toContain(">Authorise</button>");
    const authorised = await pay("/sandbox/pay/authorise", { ...fields, decision: "authorise" });
    expect(authorised.headers.get("location")).toContain("redirect_status=succeeded");
    await eventually(async () => (await orderOf(app, receipt.orderId)).status === "confirmed");
  });

  it("refuses unknown secrets and return URLs outside the shop", async () => {
    const product = await addProduct(app, { stock: 1 });
    const receipt = await placeCardOrder(app, shopper, product.variantId);
    const open = await fetch(`${app.url}/sandbox/pay?${new URLSearchParams({ client_secret: receipt.clientSecret!, return_url: "https://evil.example/" }).toString()}`);
    expect(open.status).toBe(400);
    const forged = await fetch(`${app.url}/sandbox/pay?${new URLSearchParams({ client_secret: `${receipt.clientSecret!}x`, return_url: "/" }).toString()}`);
    expect(forged.status).toBe(404);
  });

  it("tops up a wallet by sandbox card once, however often the request and the webhook repeat", async () => {
    const before = await walletBalance(app, shopper.user.id);
    const input = { amountMinor: 50_000, idempotencyKey: newKey() };
    const [first, second] = await Promise.all([
      call(app.url, "wallet.topUp", input, { token: shopper.token }),
      call(app.url, "wallet.topUp", input, { token: shopper.token }),
    ]);
    expect(first.data).toEqual(second.data);
    const { clientSecret } = first.data as { clientSecret: string };
    const reused = await call(app.url, "wallet.topUp", { ...input, amountMinor: 60_000 }, { token: shopper.token });
    expect(reused.status).toBe(409);

    const paid = await pay("/sandbox/pay", { client_secret: clientSecret, return_url: "/wallet", card_number: "4242424242424242", expiry: "12/34", cvc: "123" });
    expect(paid.headers.get("location")).toContain("redirect_status=succeeded");
    await eventually(async () => (await walletBalance(app, shopper.user.id)) === before + 50_000);

    // The same event processed again (re-enqueued by the relay, say) credits nothing more.
    const [event] = (await app.db.repos.webhooks.list({ status: "processed", cursor: null, limit: 1 })).items;
    await app.db.repos.webhooks.markFailed(event!.id, "pretend the mark was lost", new Date());
    const queue = new Queue(queueNames.payments, { connection: bullConnection(app.env), prefix: app.env.REDIS_PREFIX });
    try {
      await enqueuePaymentEvent(queue, event!.id, 99);
      await eventually(async () => (await app.db.repos.webhooks.find(event!.id))?.status === "processed");
    } finally {
      await queue.close();
    }
    expect(await walletBalance(app, shopper.user.id)).toBe(before + 50_000);
    expect(await app.db.repos.ledger.byReference((await app.sandbox.intentBySecret(clientSecret))!.id)).toHaveLength(1);
  });
});
