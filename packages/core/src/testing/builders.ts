import { couponHolders, type GuestContact } from "../account/guest.js";
import type { Address, User } from "../account/user.js";
import type { Cart, CartLine } from "../cart/cart.js";
import type { Coupon } from "../cart/coupon.js";
import { priceLines, type PricingLine } from "../cart/pricing.js";
import type { Category, Product, Variant } from "../catalog/catalog.js";
import { money, type Money } from "../money/money.js";
import { applyOrderEvent, type OrderEvent } from "../order/order.machine.js";
import type { Order, OrderStatus } from "../order/order.js";
import type { ReturnReason } from "../order/order-return.js";
import { attachPaymentIntent, placeOrder } from "../order/place.js";
import { recordPaymentSuccess } from "../order/order.settlement.js";
import type { PaymentMethod } from "../payment/payment.js";
import { expectOk } from "../result.js";
import { defaultStoreSettings, type StoreSettings } from "../settings/settings.js";
import type { Transfer } from "../wallet/transfer.js";

/** A fixed instant for tests; pass your own where time matters. */
export const T0 = new Date("2025-01-15T10:00:00.000Z");

export const inr = (minor: number): Money => money(minor, "INR");

export const systemActor = { kind: "system", process: "test" } as const;
export const adminActor = {
  kind: "admin",
  userId: "admin-1",
  permissions: ["orders.manage", "refunds.issue", "wallet.adjust", "catalog.manage"],
} as const;
export const shopperActor = (userId = "user-1") => ({ kind: "shopper", userId }) as const;

export function makeSettings(overrides: Partial<StoreSettings> = {}): StoreSettings {
  return { ...defaultStoreSettings, ...overrides };
}

export function makeAddress(overrides: Partial<Address> = {}): Address {
  return {
    id: "addr-1",
    label: "Home",
    name: "Asha Rao",
    phone: "+919800000001",
    line1: "12 MG Road",
    line2: null,
    city: "Bengaluru",
    state: "KA",
    postalCode: "560001",
    country: "IN",
    ...overrides,
  };
}

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: "user-1",
    email: "asha@example.com",
    name: "Asha Rao",
    phone: null,
    passwordHash: "$argon2id$test",
    role: "shopper",
    permissions: [],
    disabled: false,
    addresses: [makeAddress()],
    totp: null,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function makeVariant(overrides: Partial<Variant> = {}): Variant {
  return {
    id: "var-1",
    productId: "prod-1",
    sku: "KURTA-BLU-M",
    name: "Blue / M",
    price: inr(129900),
    stock: { onHand: 10, reserved: 0 },
    active: true,
    ...overrides,
  };
}

export function makeCategory(overrides: Partial<Category> = {}): Category {
  const id = overrides.id ?? "cat-1";
  return { id, slug: id, name: id, parentId: null, position: 0, description: "", image: null, archivedAt: null, ...overrides };
}

export function makeProduct(overrides: Partial<Product> = {}): Product {
  const images = overrides.images ?? ["products/cotton-kurta.jpg"];
  return {
    id: "prod-1",
    slug: "cotton-kurta",
    name: "Cotton Kurta",
    description: "Hand-block printed cotton kurta.",
    categoryId: "cat-1",
    active: true,
    images,
    imageAlts: images.map(() => ""),
    taxRateBp: null,
    variants: [makeVariant()],
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function makeCart(lines: CartLine[] = [], overrides: Partial<Cart> = {}): Cart {
  return { id: "cart-1", userId: "user-1", guestId: null, currency: "INR", lines, couponCode: null, updatedAt: T0, ...overrides };
}

export function makeCoupon(overrides: Partial<Coupon> = {}): Coupon {
  return {
    code: "WELCOME10",
    description: null,
    kind: "percentage",
    percentBp: 1000,
    maxDiscount: null,
    active: true,
    minOrder: null,
    startsAt: null,
    expiresAt: null,
    usageLimit: null,
    usedCount: 0,
    perCustomerLimit: null,
    version: 1,
    ...overrides,
  } as Coupon;
}

export function makePricingLine(overrides: Partial<PricingLine> = {}): PricingLine {
  return {
    variantId: "var-1",
    productId: "prod-1",
    sku: "KURTA-BLU-M",
    name: "Cotton Kurta — Blue / M",
    quantity: 1,
    unitPrice: inr(129900),
    taxRateBp: 1800,
    ...overrides,
  };
}

export function makeTransfer(overrides: Partial<Transfer> = {}): Transfer {
  return {
    id: "t-1",
    debit: "platform:card_clearing",
    credit: "wallet:user-1",
    amount: inr(50000),
    kind: "top_up",
    reference: "pi_1",
    memo: null,
    createdAt: T0,
    ...overrides,
  };
}

const SHIPPED: OrderEvent[] = [{ type: "pack" }, { type: "ship", carrier: "Delhivery", trackingNumber: "DL123" }, { type: "deliver" }];

/** The shopper asks to return every unit of every line. */
export function returnEverything(order: Order, reason: ReturnReason = "no_longer_needed", note: string | null = "too small"): OrderEvent {
  return { type: "request_return", lines: order.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })), reason, note };
}

/** The admin approves every line of the open return, refunding to where the money came from. */
export function approveEverything(order: Order, override: { amountMinor: number; reason: string } | null = null): OrderEvent {
  const open = order.returns.find((r) => r.status === "requested");
  return {
    type: "approve_return",
    lines: (open?.lines ?? []).map((l) => ({ variantId: l.variantId, approve: true })),
    destination: order.payment.method === "card" ? "card" : "wallet",
    override,
  };
}

/** The events that lead from `pending_payment` (confirmed) to each status, in order; return events depend on the order's lines. */
const PATHS: Record<OrderStatus, ((order: Order) => OrderEvent)[]> = {
  pending_payment: [],
  confirmed: [],
  packed: [() => ({ type: "pack" })],
  shipped: [() => ({ type: "pack" }), () => ({ type: "ship", carrier: "Delhivery", trackingNumber: "DL123" })],
  delivered: SHIPPED.map((e) => () => e),
  cancelled: [() => ({ type: "cancel", reason: "changed my mind" })],
  return_requested: [...SHIPPED.map((e) => () => e), (o) => returnEverything(o)],
  return_approved: [...SHIPPED.map((e) => () => e), (o) => returnEverything(o), (o) => approveEverything(o)],
  return_rejected: [...SHIPPED.map((e) => () => e), (o) => returnEverything(o), () => ({ type: "reject_return", reason: "worn" })],
  return_received: [...SHIPPED.map((e) => () => e), (o) => returnEverything(o), (o) => approveEverything(o), () => ({ type: "receive_return", restock: true })],
};

export interface MakeOrderOptions {
  readonly status?: OrderStatus;
  readonly paymentMethod?: PaymentMethod;
  readonly lines?: PricingLine[];
  readonly coupon?: Coupon | null;
  readonly id?: string;
  readonly number?: string;
  readonly userId?: string;
  /** Placed by a guest with this contact (no account), instead of by `userId`. */
  readonly guest?: GuestContact;
  readonly settings?: StoreSettings;
}

/**
 * An order in any status, reached by running the real machine from placement (so history,
 * payment and amounts are consistent): `makeOrder({ status: "shipped", paymentMethod: "card" })`.
 * Card orders are paid by a captured intent "pi_test"; cash-on-delivery ones at delivery.
 */
export function makeOrder(options: MakeOrderOptions = {}): Order {
  const settings = options.settings ?? makeSettings();
  const userId = options.userId ?? "user-1";
  const method = options.paymentMethod ?? "card";
  const delivery = settings.deliveryOptions[0];
  if (!delivery) throw new Error("makeOrder: settings without delivery options");
  const totals = expectOk(
    priceLines({ currency: settings.currency, lines: options.lines ?? [makePricingLine()], coupon: options.coupon ?? null, delivery }),
    "makeOrder",
  );
  const placed = expectOk(
    placeOrder({
      orderId: options.id ?? "order-1",
      // Unique per id by default, as stored orders' numbers must be.
      orderNumber: options.number ?? `BB-${(options.id ?? "order-1").toUpperCase()}`,
      userId: options.guest ? null : userId,
      guest: options.guest ?? null,
      couponHolders: options.guest ? couponHolders({ userId: null, ...options.guest }) : [userId],
      totals,
      address: makeAddress(),
      paymentMethod: method,
      idempotencyKey: "idem-1",
      now: T0,
      settings,
    }),
    "makeOrder",
  );
  const status = options.status ?? "confirmed";
  if (status === "pending_payment") return placed.order;
  let order = method === "card" ? attachPaymentIntent(placed.order, "pi_test") : placed.order;
  if (status === "cancelled") {
    return expectOk(applyOrderEvent(order, { type: "cancel", reason: "changed my mind" }, { actor: shopperActor(userId), now: T0, settings }), "makeOrder").order;
  }
  order =
    method === "cod"
      ? expectOk(applyOrderEvent(order, { type: "confirm" }, { actor: systemActor, now: T0, settings }), "makeOrder").order
      : expectOk(recordPaymentSuccess(order, { amount: order.total, ref: method === "card" ? "pi_test" : "wallet", actor: systemActor, now: T0, settings }), "makeOrder").order;
  for (const next of PATHS[status]) {
    const event = next(order);
    const actor = event.type === "request_return" ? shopperActor(userId) : adminActor;
    order = expectOk(applyOrderEvent(order, event, { actor, now: T0, settings }), `makeOrder(${event.type})`).order;
  }
  return order;
}
