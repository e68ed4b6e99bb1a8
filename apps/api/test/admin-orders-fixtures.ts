import { randomUUID } from "node:crypto";
import {
  applyOrderEvent,
  attachPaymentIntent,
  defaultStoreSettings,
  expectOk,
  orderNumber,
  placeOrder,
  priceLines,
  recordPaymentSuccess,
  transact,
  type Coupon,
  type Order,
  type OrderEvent,
  type Transition,
} from "@bbscart/core";
import { adminActor, inr, makeAddress, makePricingLine, makeProduct, makeVariant, returnEverything, systemActor } from "@bbscart/core/testing";
import { applyEffects } from "../src/services/orders/index.js";
import type { RunningApp } from "./harness.js";

/*
 * Orders for admin-side tests, built by core's own decisions and persisted as the services would
 * (save + applyEffects in one unit of work): placement reserves stock, confirmation commits it and
 * books the capture in the ledger. Checkout's procedures are deliberately not used here.
 */

export interface SeededVariant {
  readonly productId: string;
  readonly variantId: string;
  readonly sku: string;
  readonly priceMinor: number;
}

/** A product with one variant holding `stock` units. */
export async function seedVariant(app: RunningApp, options: { stock: number; priceMinor?: number }): Promise<SeededVariant> {
  const tag = randomUUID().slice(0, 8);
  const productId = `prod-${tag}`;
  const variant = makeVariant({ id: `var-${tag}`, productId, sku: `SKU-${tag}`, price: inr(options.priceMinor ?? 100_000), stock: { onHand: options.stock, reserved: 0 } });
  await app.db.uow.run((repos) => repos.products.create(makeProduct({ id: productId, slug: `product-${tag}`, variants: [variant] })));
  return { productId, variantId: variant.id, sku: variant.sku, priceMinor: variant.price.minor };
}

/** Saves a decision and carries out its effects, as `decide` does. */
async function persist(app: RunningApp, step: Transition, previous: Order | null, now: Date): Promise<Order> {
  const saved = await transact(app.db.uow, async (repos) => {
    if (previous === null) await repos.orders.create(step.order);
    else if (!(await repos.orders.save(step.order, previous.version))) throw new Error(`order ${step.order.id} changed under the fixture`);
    return applyEffects(repos, step.effects, { now, currency: step.order.currency });
  });
  expectOk(saved, "fixture effects");
  return step.order;
}

const ship: OrderEvent = { type: "ship", carrier: "Delhivery", trackingNumber: "DL123" };
const paths = { confirmed: [], packed: [{ type: "pack" }], delivered: [{ type: "pack" }, ship, { type: "deliver" }] } satisfies Record<string, OrderEvent[]>;

export type SeedStatus = "pending_payment" | keyof typeof paths | "return_requested";

/**
 * An order of `quantity` units of `variant` for `userId`, placed at `placedAt` and moved to
 * `status`: card orders are paid by a captured intent, cash-on-delivery ones at delivery.
 */
export async function seedOrder(
  app: RunningApp,
  options: {
    userId: string;
    variant: SeededVariant;
    status: SeedStatus;
    method?: "card" | "cod";
    quantity?: number;
    placedAt?: Date;
    /** More lines beside `variant`'s, each of `quantity` units. */
    alsoVariants?: readonly SeededVariant[];
    coupon?: Coupon;
  },
): Promise<Order> {
  const settings = defaultStoreSettings;
  const now = options.placedAt ?? new Date();
  const method = options.method ?? "card";
  const { variant } = options;
  const lineOf = (v: SeededVariant) => makePricingLine({ variantId: v.variantId, productId: v.productId, sku: v.sku, quantity: options.quantity ?? 1, unitPrice: inr(v.priceMinor) });
  const lines = [variant, ...(options.alsoVariants ?? [])].map(lineOf);
  const totals = expectOk(priceLines({ currency: settings.currency, lines, coupon: options.coupon ?? null, delivery: settings.deliveryOptions[0]! }), "fixture totals");
  const placed = expectOk(
    placeOrder({ orderId: `order-${randomUUID()}`, orderNumber: orderNumber(await app.db.repos.orders.nextNumber()), userId: options.userId, guest: null, couponHolders: [options.userId], totals, address: makeAddress(), paymentMethod: method, idempotencyKey: randomUUID(), now, settings }),
    "fixture placement",
  );
  let order = await persist(app, placed, null, now);
  if (options.status === "pending_payment") return order;
  const step = (decided: Transition) => persist(app, decided, order, now);
  if (method === "card") {
    order = await step({ order: attachPaymentIntent(order, `pi_${order.id}`), effects: [], afterCommit: [] });
    order = await step(expectOk(recordPaymentSuccess(order, { amount: order.total, ref: `pi_${order.id}`, actor: systemActor, now, settings }), "fixture capture"));
  } else {
    order = await step(expectOk(applyOrderEvent(order, { type: "confirm" }, { actor: systemActor, now, settings }), "fixture confirm"));
  }
  const returning = options.status === "return_requested";
  for (const event of paths[options.status === "return_requested" ? "delivered" : options.status]) {
    order = await step(expectOk(applyOrderEvent(order, event, { actor: adminActor, now, settings }), `fixture ${event.type}`));
  }
  if (returning) order = await step(expectOk(applyOrderEvent(order, returnEverything(order), { actor: adminActor, now, settings }), "fixture request_return"));
  return order;
}

/**
 * `count` unpaid card orders of one unit of `variant` for `userId`, one second apart, written
 * straight through the repository in one unit of work: for tests that need many orders to list
 * or export, not their stock or ledger effects.
 */
export async function seedManyOrders(app: RunningApp, options: { userId: string; variant: SeededVariant; count: number; from: Date }): Promise<void> {
  const settings = defaultStoreSettings;
  const { variant } = options;
  const line = makePricingLine({ variantId: variant.variantId, productId: variant.productId, sku: variant.sku, quantity: 1, unitPrice: inr(variant.priceMinor) });
  const totals = expectOk(priceLines({ currency: settings.currency, lines: [line], coupon: null, delivery: settings.deliveryOptions[0]! }), "fixture totals");
  await app.db.uow.run(async (repos) => {
    for (let i = 0; i < options.count; i += 1) {
      const now = new Date(options.from.getTime() + i * 1000);
      const number = orderNumber(await repos.orders.nextNumber());
      const placed = placeOrder({ orderId: `order-${randomUUID()}`, orderNumber: number, userId: options.userId, guest: null, couponHolders: [options.userId], totals, address: makeAddress(), paymentMethod: "card", idempotencyKey: randomUUID(), now, settings });
      await repos.orders.create(expectOk(placed, "fixture placement").order);
    }
  });
}
