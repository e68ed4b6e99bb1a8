import { randomUUID } from "node:crypto";
import { walletAccount, type Order, type RefundRecord } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { seedOrder, seedVariant, type SeededVariant } from "./admin-orders-fixtures.js";
import { createLogger } from "../src/logger.js";
import { timeOrderedIds } from "../src/runtime.js";
import { reconcilePayments } from "../src/services/payments/index.js";
import { startApp, type RunningApp } from "./harness.js";
import { useTempDirs } from "./temp-dir.js";
import { rest } from "./rest-client/http.js";
import { call } from "./trpc-http.js";

interface RefundResult {
  refund: RefundRecord;
  order: Order & { refundable: { minor: number }; transfers: { id: string; kind: string; credit: string; amount: { minor: number } }[] };
}

describe("refunds over HTTP", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let admin: TestAccount;
  let shopper: TestAccount;
  let variant: SeededVariant;

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    admin = await createAccount(app, { role: "admin", permissions: ["orders.manage", "refunds.issue"] });
    shopper = await createAccount(app);
    variant = await seedVariant(app, { stock: 100 });
  });
  afterAll(() => app.close());

  const refund = (input: Record<string, unknown>) =>
    call(app.url, "admin.orders.refund", { reason: "damaged in transit", idempotencyKey: randomUUID(), ...input }, { token: admin.token });
  /** Runs `fn` while the provider refuses every refund, as when it cannot be reached. */
  const whileProviderDown = async <T>(fn: () => Promise<T>): Promise<T> => {
    const working = app.provider.refund.bind(app.provider);
    app.provider.refund = () => Promise.reject(new Error("provider unavailable"));
    try {
      return await fn();
    } finally {
      app.provider.refund = working;
    }
  };
  const refundTransfers = async (orderId: string) => (await app.db.repos.ledger.byReference(orderId)).filter((t) => t.kind === "refund");

  it("never refunds more than was captured when ten admins refund at once; the ledger agrees", async () => {
    const order = await seedOrder(app, { userId: shopper.user.id, variant, status: "delivered" });
    // Three fit, the fourth would pass the capture.
    const part = Math.ceil(order.total.minor / 4) + 1;
    const walletBefore = await app.db.repos.ledger.balance(walletAccount(shopper.user.id), "INR");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => refund({ orderId: order.id, amountMinor: part, destination: i % 2 === 0 ? "card" : "wallet" })),
    );
    const accepted = results.filter((r) => r.data !== undefined).map((r) => (r.data as RefundResult).refund);
    const refused = results.filter((r) => r.error);
    expect(accepted.length + refused.length).toBe(10);
    expect(accepted.length).toBe(3);
    for (const r of refused) expect(r.error?.data).toMatchObject({ code: "BAD_REQUEST", reason: "REFUND_EXCEEDS_CAPTURED", fieldErrors: [{ path: "amountMinor" }] });

    const stored = (await app.db.repos.orders.findById(order.id))!;
    const acceptedSum = accepted.reduce((sum, r) => sum + r.amount.minor, 0);
    expect(acceptedSum).toBeLessThanOrEqual(stored.payment.captured.minor);
    expect(stored.payment.refunded.minor).toBe(acceptedSum);
    expect(stored.payment.refunds.every((r) => r.status === "succeeded")).toBe(true);
    // Every accepted refund is booked once in the ledger, card ones after the provider accepted them.
    const transfers = await refundTransfers(order.id);
    expect(transfers.reduce((sum, t) => sum + t.amount.minor, 0)).toBe(acceptedSum);
    expect(transfers.map((t) => t.id).sort()).toEqual(accepted.map((r) => `refund:${r.id}`).sort());
    const toCard = accepted.filter((r) => r.destination === "card");
    expect(app.provider.refunds.filter((r) => r.intentId === `pi_${order.id}`).map((r) => r.idempotencyKey).sort()).toEqual(toCard.map((r) => `refund:${r.id}`).sort());
    const toWallet = accepted.filter((r) => r.destination === "wallet").reduce((sum, r) => sum + r.amount.minor, 0);
    expect(await app.db.repos.ledger.balance(walletAccount(shopper.user.id), "INR")).toEqual({ minor: walletBefore.minor + toWallet, currency: "INR" });
    const audits = await app.db.repos.audit.list({ cursor: null, limit: 20, actorId: null, action: "order.refund", targetType: "order", targetId: order.id, from: null, to: null });
    expect(audits.items).toHaveLength(accepted.length);
  });

  it("asks the provider again for a card refund left pending, from reconciliation, and settles it once", async () => {
    const order = await seedOrder(app, { userId: shopper.user.id, variant, status: "delivered" });
    const pending = (await whileProviderDown(() => refund({ orderId: order.id, amountMinor: 3_000, destination: "card" }))).data as RefundResult;
    expect(pending.refund.status).toBe("pending");
    const reconcile = (now: Date) =>
      reconcilePayments(
        { db: app.db, clock: { now: () => now }, ids: timeOrderedIds, log: createLogger(app.env, "worker"), provider: app.provider, deliver: () => undefined },
        { awaitingAfterMs: 60_000, limit: 50 },
      );
    // Not yet: a refund just asked for may still be on its way to the provider.
    expect(await reconcile(new Date())).toEqual([]);
    const later = new Date(Date.now() + 120_000);
    expect(await reconcile(later)).toEqual([{ orderId: order.id, action: "refunded" }]);
    expect((await app.db.repos.orders.findById(order.id))!.payment.refunds[0]).toMatchObject({ id: pending.refund.id, status: "succeeded" });
    expect((await refundTransfers(order.id)).map((t) => [t.id, t.amount.minor])).toEqual([[`refund:${pending.refund.id}`, 3_000]]);
    expect(app.provider.refunds.filter((r) => r.idempotencyKey === `refund:${pending.refund.id}`)).toHaveLength(1);
    expect(await reconcile(later)).toEqual([]);
    const audits = await app.db.repos.audit.list({ cursor: null, limit: 10, actorId: "system:reconciliation", action: "payment.reconcile.refunded", targetType: "order", targetId: order.id, from: null, to: null });
    expect(audits.items).toHaveLength(1);
  });

  it("leaves a card refund pending and reserved when the provider fails, and settles it on retry", async () => {
    const order = await seedOrder(app, { userId: shopper.user.id, variant, status: "delivered" });
    const first = (await whileProviderDown(() => refund({ orderId: order.id, amountMinor: 5_000, destination: "card" }))).data as RefundResult;
    expect(first.refund).toMatchObject({ status: "pending", settledAt: null, amount: { minor: 5_000 } });
    expect(first.order.payment.status).toBe("partially_refunded");
    expect(first.order.refundable.minor).toBe(order.total.minor - 5_000);
    expect(await refundTransfers(order.id)).toEqual([]);

    // The reservation holds: the rest can be refunded, not a paisa more.
    const tooMuch = await refund({ orderId: order.id, amountMinor: order.total.minor - 4_999, destination: "wallet" });
    expect(tooMuch.error?.data.reason).toBe("REFUND_EXCEEDS_CAPTURED");

    const retried = await call(app.url, "admin.orders.retryRefund", { orderId: order.id, refundId: first.refund.id }, { token: admin.token });
    expect((retried.data as RefundResult).refund).toMatchObject({ status: "succeeded" });
    expect((await refundTransfers(order.id)).map((t) => [t.id, t.credit, t.amount.minor])).toEqual([[`refund:${first.refund.id}`, "platform:card_clearing", 5_000]]);
    const again = await call(app.url, "admin.orders.retryRefund", { orderId: order.id, refundId: first.refund.id }, { token: admin.token });
    expect(again.error?.data).toMatchObject({ code: "CONFLICT", reason: "REFUND_NOT_PENDING" });
    expect((await call(app.url, "admin.orders.retryRefund", { orderId: order.id, refundId: "nope" }, { token: admin.token })).error?.data.code).toBe("NOT_FOUND");

    // The provider's confirmation arriving later (its webhook) changes nothing more.
    await app.services.adminOrders.settleRefund(order.id, first.refund.id);
    expect(await refundTransfers(order.id)).toHaveLength(1);
    const actions = await app.db.repos.audit.list({ cursor: null, limit: 10, actorId: admin.user.id, action: null, targetType: "order", targetId: order.id, from: null, to: null });
    expect(actions.items.map((a) => a.action).sort()).toEqual(["order.refund", "order.refund_retry"]);
  });

  it("refuses refunds to a destination the payment cannot take, or beyond what the returned items cost", async () => {
    const cod = await seedOrder(app, { userId: shopper.user.id, variant, status: "delivered", method: "cod", quantity: 2 });
    const toCard = await refund({ orderId: cod.id, amountMinor: 100, destination: "card" });
    expect(toCard.error?.data).toMatchObject({ code: "BAD_REQUEST", fieldErrors: [{ path: "destination" }] });
    const line = cod.lines[0]!;
    const items = [{ variantId: line.variantId, quantity: 1 }];
    const beyond = await refund({ orderId: cod.id, amountMinor: Math.ceil(line.total.minor / 2) + 1, destination: "wallet", items });
    expect(beyond.error?.data).toMatchObject({ reason: "REFUND_EXCEEDS_ITEMS", fieldErrors: [{ path: "amountMinor" }] });
    const unknown = await refund({ orderId: cod.id, amountMinor: 100, destination: "wallet", items: [{ variantId: "other", quantity: 1 }] });
    expect(unknown.error?.data).toMatchObject({ reason: "UNKNOWN_LINE", fieldErrors: [{ path: "items" }] });
    const one = await refund({ orderId: cod.id, amountMinor: Math.floor(line.total.minor / 2), destination: "wallet", items });
    expect((one.data as RefundResult).refund).toMatchObject({ status: "succeeded", destination: "wallet" });
    expect((await app.db.repos.orders.findById(cod.id))?.payment.refunds).toHaveLength(1);
  });

  it("refuses refunds on orders with nothing captured, and to admins without refunds.issue", async () => {
    const unpaid = await seedOrder(app, { userId: shopper.user.id, variant, status: "confirmed", method: "cod" });
    expect((await refund({ orderId: unpaid.id, amountMinor: 100, destination: "wallet" })).error?.data.reason).toBe("REFUND_EXCEEDS_CAPTURED");
    const clerk = await createAccount(app, { role: "admin", permissions: ["orders.manage"] });
    const forbidden = await call(app.url, "admin.orders.refund", { orderId: unpaid.id, amountMinor: 100, destination: "wallet", reason: "goodwill" }, { token: clerk.token });
    expect(forbidden.error?.data.code).toBe("FORBIDDEN");
    const view = await call(app.url, "admin.orders.byId", { orderId: unpaid.id }, { token: clerk.token });
    expect(view.data).toMatchObject({ refundDestinations: [] });
  });

  it("answers 20 concurrent retries of one refund key with one refund, to the card and to the wallet", async () => {
    for (const destination of ["card", "wallet"] as const) {
      const order = await seedOrder(app, { userId: shopper.user.id, variant, status: "delivered" });
      const idempotencyKey = `retry-${destination}-${randomUUID()}`;
      const results = await Promise.all(Array.from({ length: 20 }, () => refund({ orderId: order.id, amountMinor: 1_500, destination, idempotencyKey })));
      expect(results.map((r) => r.error?.message ?? null)).toEqual(Array.from({ length: 20 }, () => null));
      const ids = new Set(results.map((r) => (r.data as RefundResult).refund.id));
      expect(ids.size).toBe(1);
      const stored = (await app.db.repos.orders.findById(order.id))!;
      expect(stored.payment.refunds.map((r) => [r.id, r.amount.minor])).toEqual([[[...ids][0], 1_500]]);
      expect(stored.payment.refunded.minor).toBe(1_500);
      expect((await refundTransfers(order.id)).map((t) => t.amount.minor)).toEqual([1_500]);
      if (destination === "card") expect(app.provider.refunds.filter((r) => r.intentId === `pi_${order.id}`)).toHaveLength(1);
      const audits = await app.db.repos.audit.list({ cursor: null, limit: 50, actorId: null, action: "order.refund", targetType: "order", targetId: order.id, from: null, to: null });
      expect(audits.items).toHaveLength(1);
    }
  });

  it("answers a later retry with the first refund as it is now, and refuses the same key with another body (409)", async () => {
    const order = await seedOrder(app, { userId: shopper.user.id, variant, status: "delivered" });
    const idempotencyKey = `later-${randomUUID()}`;
    const pending = (await whileProviderDown(() => refund({ orderId: order.id, amountMinor: 2_000, destination: "card", idempotencyKey }))).data as RefundResult;
    expect(pending.refund.status).toBe("pending");
    const retried = (await refund({ orderId: order.id, amountMinor: 2_000, destination: "card", idempotencyKey })).data as RefundResult;
    expect(retried.refund).toMatchObject({ id: pending.refund.id, amount: { minor: 2_000 } });
    expect((await app.db.repos.orders.findById(order.id))!.payment.refunds).toHaveLength(1);

    for (const other of [{ amountMinor: 2_001 }, { destination: "wallet" }, { reason: "another reason" }]) {
      const conflict = await refund({ orderId: order.id, amountMinor: 2_000, destination: "card", idempotencyKey, ...other });
      expect(conflict.error?.data).toMatchObject({ code: "CONFLICT", reason: "IDEMPOTENCY_KEY_REUSED", fieldErrors: [{ path: "idempotencyKey" }] });
    }
    const elsewhere = await seedOrder(app, { userId: shopper.user.id, variant, status: "delivered" });
    expect((await refund({ orderId: elsewhere.id, amountMinor: 2_000, destination: "card", idempotencyKey })).error?.data).toMatchObject({ code: "CONFLICT" });
    expect((await app.db.repos.orders.findById(elsewhere.id))!.payment.refunds).toEqual([]);
    // A key is required: without one nothing is refunded.
    const keyless = await call(app.url, "admin.orders.refund", { orderId: order.id, amountMinor: 100, destination: "wallet", reason: "no key" }, { token: admin.token });
    expect(keyless.error?.data).toMatchObject({ code: "BAD_REQUEST", fieldErrors: [{ path: "idempotencyKey" }] });
  });

  it("takes the key as the Idempotency-Key header over REST: a retry answers with the first refund, another body is 409", async () => {
    const order = await seedOrder(app, { userId: shopper.user.id, variant, status: "delivered" });
    const headers = { "Idempotency-Key": `rest-${randomUUID()}` };
    const body = { amountMinor: 1_000, destination: "wallet", reason: "late delivery", items: [] };
    const path = `/admin/orders/${order.id}/refunds`;
    const first = await rest(app.url, "POST", path, { token: admin.token, headers, body });
    expect(first.status).toBe(200);
    const again = await rest(app.url, "POST", path, { token: admin.token, headers, body });
    expect((again.body as RefundResult).refund.id).toBe((first.body as RefundResult).refund.id);
    const conflict = await rest(app.url, "POST", path, { token: admin.token, headers, body: { ...body, amountMinor: 999 } });
    expect(conflict.status).toBe(409);
    expect((conflict.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["idempotencyKey"]);
    const keyless = await rest(app.url, "POST", path, { token: admin.token, body });
    expect(keyless.status).toBe(422);
    expect((await app.db.repos.orders.findById(order.id))!.payment.refunds).toHaveLength(1);
  });
});
