import { applyOrderEvent, type OrderEvent } from "@bbscart/core";
import { adminActor, makeCoupon } from "@bbscart/core/testing";
import { decide } from "../../src/services/orders/index.js";
import { addProduct, address, newKey } from "../checkout-fixtures.js";
import type { RowSet, World } from "./types.js";

/** Places an order (cash on delivery unless told) for the shopper through the service, as checkout would. */
async function shopperOrder(world: World, variantId: string, paymentMethod: "cod" | "card" = "cod"): Promise<string> {
  const { shopper } = world.callers;
  await world.app.services.cart.add({ userId: shopper.user.id }, { variantId, quantity: 1 });
  const receipt = await world.app.services.checkout.place(shopper.user, {
    address,
    deliveryOptionId: "standard",
    paymentMethod,
    idempotencyKey: newKey(),
  });
  return receipt.orderId;
}

/** Moves an order on as staff would (the admin console is another suite's concern). */
async function advance(world: World, orderId: string, events: OrderEvent[]): Promise<void> {
  for (const event of events) {
    const decided = await decide(world.app.db, orderId, {
      now: () => new Date(),
      visible: () => true,
      decision: (order) => applyOrderEvent(order, event, { actor: adminActor, now: new Date(), settings: { returnWindowDays: 7 } }),
    });
    if (!decided.ok) throw new Error(`could not ${event.type} ${orderId}: ${decided.error.code}`);
  }
}

const byShopperOnly = { otherShopper: "NOT_FOUND", adminWithout: "NOT_FOUND", adminWith: "NOT_FOUND" } as const;

export const checkoutRows: RowSet = {
  async prepare(world) {
    const product = await addProduct(world.app, { stock: 1_000, priceMinor: 60_000 });
    world.fixtures.variantId = product.variantId;
    world.fixtures.shopperOrderId = await shopperOrder(world, product.variantId);
    world.fixtures.cancellableOrderId = await shopperOrder(world, product.variantId);
    world.fixtures.cardOrderId = await shopperOrder(world, product.variantId, "card");
    world.fixtures.deliveredOrderId = await shopperOrder(world, product.variantId);
    await advance(world, world.fixtures.deliveredOrderId, [
      { type: "pack" },
      { type: "ship", carrier: "Delhivery", trackingNumber: "DL123" },
      { type: "deliver" },
    ]);
    await world.app.db.uow.run((repos) => repos.coupons.create(makeCoupon({ code: "RBACTEN" })));
    // Every signed-in caller starts with something in the cart, for the cart rows and checkout.
    for (const caller of Object.values(world.callers)) {
      await world.app.services.cart.add({ userId: caller.user.id }, { variantId: product.variantId, quantity: 2 });
    }
  },
  rows: {
    "cart.get": { access: "public" },
    "cart.add": { access: "public", input: (_, w) => ({ variantId: w.fixtures.variantId, quantity: 1 }) },
    "cart.updateQuantity": {
      access: "public",
      input: (_, w) => ({ variantId: w.fixtures.variantId, quantity: 2 }),
      // Without a cookie or a token there is no cart, so no such line in it.
      expect: { anonymous: "NOT_FOUND" },
    },
    "cart.acceptPrice": { access: "public", input: (_, w) => ({ variantId: w.fixtures.variantId }), expect: { anonymous: "NOT_FOUND" } },
    "cart.remove": { access: "public", input: () => ({ variantId: "var-not-in-any-cart" }) },
    "cart.applyCoupon": { access: "public", input: () => ({ code: "rbacten" }) },
    "cart.removeCoupon": { access: "public" },
    "order.place": {
      access: "authed",
      input: () => ({ address, deliveryOptionId: "standard", paymentMethod: "cod", idempotencyKey: newKey() }),
    },
    "order.list": { access: "authed", input: () => ({}) },
    "order.byId": { access: "authed", input: (_, w) => ({ orderId: w.fixtures.shopperOrderId }), expect: byShopperOnly },
    "order.taxDocuments": { access: "authed", input: (_, w) => ({ orderId: w.fixtures.shopperOrderId }), expect: byShopperOnly },
    "order.payment": { access: "authed", input: (_, w) => ({ orderId: w.fixtures.cardOrderId }), expect: byShopperOnly },
    // A signature that never verifies: the shopper's own order answers BAD_REQUEST, anyone else's NOT_FOUND.
    "order.verifyPayment": {
      access: "authed",
      input: (_, w) => ({ orderId: w.fixtures.cardOrderId, paymentId: "pay_rbac", signature: "0".repeat(64) }),
      expect: { otherShopper: "NOT_FOUND", adminWithout: "NOT_FOUND", adminWith: "NOT_FOUND", shopper: "BAD_REQUEST" },
    },
    "order.cancel": {
      access: "authed",
      input: (_, w) => ({ orderId: w.fixtures.cancellableOrderId, reason: "changed my mind" }),
      expect: byShopperOnly,
    },
    "order.requestReturn": {
      access: "authed",
      input: async (_, w) => {
        const order = await w.app.db.repos.orders.findById(w.fixtures.deliveredOrderId!);
        return { orderId: w.fixtures.deliveredOrderId, lines: [{ variantId: order!.lines[0]!.variantId, quantity: 1 }], reason: "no_longer_needed", note: "too small" };
      },
      expect: byShopperOnly,
    },
  },
};
