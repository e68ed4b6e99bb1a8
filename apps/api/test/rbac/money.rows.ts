import { actorFor } from "@bbscart/core";
import { totp } from "../../src/auth/totp.js";
import { seedOrder, seedVariant } from "../admin-orders-fixtures.js";
import type { RowSet } from "./types.js";

/*
 * Admin orders, refunds, wallets and the dashboard. Wallet procedures take no user id, so one
 * shopper reading another's wallet cannot even be expressed; every admin row is FORBIDDEN without
 * its permission.
 */
export const moneyRows: RowSet = {
  async prepare(world) {
    const { app, callers } = world;
    const variant = await seedVariant(app, { stock: 10 });
    const userId = callers.shopper.user.id;
    world.fixtures.deliveredOrderId = (await seedOrder(app, { userId, variant, status: "delivered" })).id;
    world.fixtures.confirmedOrderId = (await seedOrder(app, { userId, variant, status: "confirmed", method: "cod" })).id;
    const returning = await seedOrder(app, { userId, variant, status: "return_requested" });
    world.fixtures.returningOrderId = returning.id;
    world.fixtures.returningVariantId = variant.variantId;

    // A card refund the provider did not accept: pending, for the retry row to settle.
    const withPending = await seedOrder(app, { userId, variant, status: "delivered" });
    const admin = callers.adminWith.user;
    const working = app.provider.refund.bind(app.provider);
    app.provider.refund = () => Promise.reject(new Error("provider unavailable"));
    try {
      const pending = await app.services.adminOrders.refund(
        { user: admin, actor: actorFor(admin)!, requestId: null },
        { orderId: withPending.id, amountMinor: 1_000, destination: "card", reason: "damaged box", items: [], idempotencyKey: "rbac-pending-refund" },
      );
      world.fixtures.pendingRefundOrderId = withPending.id;
      world.fixtures.pendingRefundId = pending.refund.id;
    } finally {
      app.provider.refund = working;
    }
  },
  rows: {
    "admin.orders.list": { access: "admin:orders.manage", input: () => ({}) },
    "admin.orders.byId": { access: "admin:orders.manage", input: (_, w) => ({ orderId: w.fixtures.deliveredOrderId }) },
    "admin.orders.taxDocuments": { access: "admin:orders.manage", input: (_, w) => ({ orderId: w.fixtures.deliveredOrderId }) },
    "admin.orders.transition": { access: "admin:orders.manage", input: (_, w) => ({ orderId: w.fixtures.confirmedOrderId, event: { type: "pack" } }) },
    "admin.orders.bulkFulfil": { access: "admin:orders.manage", input: () => ({ items: [{ orderId: "rbac-no-such-order", event: { type: "pack" } }] }) },
    "admin.orders.returnQuote": {
      access: "admin:orders.manage",
      input: (_, w) => ({ orderId: w.fixtures.returningOrderId, approve: [w.fixtures.returningVariantId] }),
    },
    "admin.orders.refund": {
      access: "admin:refunds.issue",
      input: (_, w) => ({ orderId: w.fixtures.deliveredOrderId, amountMinor: 100, destination: "wallet", reason: "goodwill", idempotencyKey: "rbac-goodwill-refund" }),
    },
    "admin.orders.retryRefund": {
      access: "admin:refunds.issue",
      input: (_, w) => ({ orderId: w.fixtures.pendingRefundOrderId, refundId: w.fixtures.pendingRefundId }),
    },
    "wallet.balance": { access: "authed" },
    "wallet.statement": { access: "authed", input: () => ({}) },
    "admin.wallet.statement": { access: "admin:wallet.adjust", input: (_, w) => ({ userId: w.callers.shopper.user.id }) },
    "admin.wallet.adjust": {
      access: "admin:wallet.adjust",
      // Earlier rows may have enrolled the caller in TOTP; an enrolled admin adjusts wallets with a current code.
      input: async (caller, w) => {
        const user = caller ? await w.app.db.repos.users.findById(caller.user.id) : null;
        const totpCode = user?.totp?.confirmedAt ? await totp.codeAt(user.totp.secret, new Date()) : undefined;
        return { userId: w.callers.shopper.user.id, amountMinor: 500, reason: "goodwill credit", idempotencyKey: "rbac-adjust-0001", totpCode };
      },
    },
    "admin.dashboard.overview": { access: "admin:orders.manage" },
    "admin.dashboard.sales": { access: "admin:orders.manage", input: () => ({ days: 7 }) },
    "admin.dashboard.topProducts": { access: "admin:orders.manage", input: () => ({ days: 30 }) },
  },
};
