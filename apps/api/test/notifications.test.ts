import { outboxMessagesFor } from "@bbscart/core";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addProduct, address, makeShoppers, newKey, type Shopper } from "./checkout-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { startSmsProvider, TestSmtpServer } from "./notifications-servers.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

const tempDir = useTempDirs();

describe("notifications through the queue, delivered by the worker", () => {
  let app: RunningApp;
  let smtp: TestSmtpServer;
  let sms: Awaited<ReturnType<typeof startSmsProvider>>;
  let shopper: Shopper;

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    sms = await startSmsProvider();
    app = await startApp({
      dataDir: tempDir(),
      workers: true,
      variables: {
        SMTP_URL: smtp.url,
        SMS_URL: sms.url,
        SMS_TOKEN: "sms-token-1",
        NOTIFICATION_ATTEMPTS: "6",
        NOTIFICATION_BACKOFF_MS: "20",
        OUTBOX_RELAY_INTERVAL_MS: "300",
      },
    });
    [shopper] = (await makeShoppers(app, 1)) as [Shopper];
  });
  afterAll(async () => {
    await app.close();
    await Promise.all([smtp.close(), sms.close()]);
  });

  it("retries while the SMTP server refuses, then delivers once, with the outbox id as Message-ID", async () => {
    smtp.refuseNext(4);
    await call(app.url, "auth.requestPasswordReset", { email: shopper.user.email });
    await vi.waitFor(() => expect(smtp.to(shopper.user.email)).toHaveLength(1), { timeout: 10_000 });

    expect(smtp.refused).toBe(4);
    // The worker marks the message sent once the SMTP server has answered; the mail can be seen first.
    const sentReset = async () =>
      (await app.db.repos.outbox.list({ cursor: null, limit: 10, status: "sent" })).items.find((m) => m.notification.template === "password_reset");
    await vi.waitFor(async () => expect(await sentReset()).toBeDefined(), { timeout: 5_000 });
    const reset = await sentReset();
    expect(reset).toMatchObject({ status: "sent", attempts: 4, lastError: expect.stringMatching(/421/) as unknown });
    const mail = smtp.to(shopper.user.email)[0]!;
    expect(mail.messageId).toBe(`<${reset!.id.replaceAll(":", "-")}@bbscart>`);
    // The link is derived at send time from the reset id and the shared secret (it is not in the
    // outbox), and it works. The body is quoted-printable.
    const body = mail.raw.replace(/=\r?\n/g, "").replaceAll("=3D", "=");
    const token = /reset-password\?token=([\w-]+)/.exec(body)![1]!;
    expect(JSON.stringify(reset!.notification)).not.toContain(token);
    expect((await call(app.url, "auth.resetPassword", { token, newPassword: "a fresh long passphrase" })).data).toEqual({ ok: true });
    // The reset ended every sign-in of the shopper, access tokens included: sign in afresh for the tests below.
    const signedIn = await call(app.url, "auth.login", { email: shopper.user.email, password: "a fresh long passphrase" });
    shopper = { ...shopper, token: (signedIn.data as { accessToken: string }).accessToken };
  });

  it("sends order messages by email and to the SMS provider as JSON", async () => {
    await app.db.uow.run((repos) => repos.users.update(shopper.user.id, { phone: "+919800000042", updatedAt: new Date() }));
    const product = await addProduct(app, { stock: 3 });
    await call(app.url, "cart.add", { variantId: product.variantId, quantity: 1 }, { token: shopper.token });
    const placed = await call(app.url, "order.place", { address, deliveryOptionId: "standard", paymentMethod: "cod", idempotencyKey: newKey() }, { token: shopper.token });
    const { orderId, orderNumber } = placed.data as { orderId: string; orderNumber: string };

    await vi.waitFor(() => expect(sms.requests.length).toBeGreaterThanOrEqual(1), { timeout: 10_000 });
    // People read the short order number, not the id.
    const request = sms.requests.find((r) => JSON.stringify(r.body).includes(orderNumber))!;
    expect(request.headers.authorization).toBe("Bearer sms-token-1");
    expect(request.body).toEqual({
      to: "+919800000042",
      body: expect.stringContaining(`order ${orderNumber}`) as unknown,
      messageId: `<order-${orderId}-placed-sms@bbscart>`,
    });
    expect(request.headers["idempotency-key"]).toBe(`<order-${orderId}-placed-sms@bbscart>`);
    await vi.waitFor(() => expect(smtp.received.some((m) => m.messageId === `<order-${orderId}-placed-email@bbscart>`)).toBe(true));
    // The worker marks the message sent once the provider has answered, a moment after the request arrived.
    await vi.waitFor(async () => expect((await app.db.repos.outbox.find(`order:${orderId}:placed:sms`))?.status).toBe("sent"));

    // The email: HTML with the order's lines, its number and a link to its page, and the same in plain text.
    const email = await simpleParser(smtp.received.find((m) => m.messageId === `<order-${orderId}-placed-email@bbscart>`)!.raw);
    const order = await app.db.repos.orders.findById(orderId);
    const lineName = order!.lines[0]!.name;
    for (const part of [email.html as string, email.text!]) {
      expect(part).toContain(orderNumber);
      expect(part).toContain(lineName);
    }
    expect(email.html).toContain(`href="${app.url}/orders/${orderId}"`);
    expect(email.text).toContain(`View your order: ${app.url}/orders/${orderId}`);
  });

  it("relays a committed message whose enqueue was lost", async () => {
    // Committed to the outbox as a service would, but never queued (the API died right after commit).
    const [lost] = outboxMessagesFor(
      { template: "wallet_credited", userId: shopper.user.id, dedupeKey: `lost:${newKey()}`, data: { amountMinor: "25000" } },
      ["email"],
      new Date(),
    );
    await app.db.uow.run((repos) => repos.outbox.enqueue(lost!));

    await vi.waitFor(() => expect(smtp.received.filter((m) => m.messageId === `<${lost!.id.replaceAll(":", "-")}@bbscart>`)).toHaveLength(1), { timeout: 10_000 });
    expect(smtp.received.find((m) => m.messageId?.includes("lost-"))?.raw).toContain("250.00");
    // The SMTP server holds the message before the worker has its answer and records the send.
    await vi.waitFor(async () => expect((await app.db.repos.outbox.find(lost!.id))?.status).toBe("sent"));
  });
});
