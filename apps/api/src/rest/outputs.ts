import { ADMIN_PERMISSIONS, ORDER_STATUSES, PLATFORM_ACCOUNTS } from "@bbscart/core";
import { z } from "zod";

/*
 * Output schemas of the procedures the REST surface exposes. They describe every field the
 * service returns (an object schema drops unknown keys, so a field missing here would vanish from
 * the web's responses too); test/rest-outputs.test.ts holds each one equal to its service's type.
 * Only the API uses them, so they live here rather than in core's shared input schemas.
 */

/** Core hands out readonly arrays; the schema says so, which the web's inferred types keep. */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

const at = (description: string) => z.date().meta({ description, override: { type: "string", format: "date-time" } });

export const moneyOutput = z
  .object({
    minor: z.number().int().meta({ description: "Amount in integer minor units (paise for INR); never a decimal." }),
    currency: z.string().meta({ description: "ISO 4217 code, e.g. INR." }),
  })
  .meta({ id: "Money", description: "An amount of money: integer minor units plus currency." });

const orderStatus = z.enum(ORDER_STATUSES).meta({ id: "OrderStatus" });
const orderEvent = z
  .enum(["confirm", "pack", "ship", "deliver", "cancel", "expire", "request_return", "approve_return", "reject_return", "receive_return"])
  .meta({ id: "OrderEventType" });
const paymentMethod = z.enum(["wallet", "card", "cod"]).meta({ id: "PaymentMethod" });
const paymentStatus = z.enum(["unpaid", "authorized", "paid", "partially_refunded", "refunded"]).meta({ id: "PaymentStatus" });
const permission = z.enum(ADMIN_PERMISSIONS);
const transferKind = z.enum(["top_up", "order_payment", "cod_collection", "refund", "adjustment", "reversal"]);
const nextCursor = z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." });

export const categoryOutput = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), parentId: z.string().nullable() })
  .meta({ id: "Category" });

const productSummaryShape = {
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  categoryId: z.string(),
  images: z.array(z.string()).meta({ description: "Paths under /uploads, served by this API." }),
  priceRange: z.object({ min: moneyOutput, max: moneyOutput }).nullable(),
  inStock: z.boolean(),
  variants: z.array(z.object({ id: z.string(), sku: z.string(), name: z.string(), price: moneyOutput, inStock: z.boolean() })),
};

export const productPageOutput = z
  .object({ items: z.array(z.object(productSummaryShape).meta({ id: "ProductSummary" })), nextCursor })
  .meta({ id: "ProductPage" });

export const productOutput = z
  .object({ ...productSummaryShape, description: z.string(), category: categoryOutput.nullable() })
  .meta({ id: "Product" });

export const categoriesOutput = z.array(categoryOutput);

const addressOutput = z
  .object({
    id: z.string(),
    label: z.string().nullable(),
    name: z.string(),
    phone: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    state: z.string(),
    postalCode: z.string(),
    country: z.string(),
  })
  .meta({ id: "Address" });

export const accountOutput = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    role: z.enum(["shopper", "admin"]),
    permissions: z.array(permission),
    addresses: z.array(addressOutput),
    totpEnabled: z.boolean(),
    createdAt: at("When the account was created."),
  })
  .meta({ id: "Account" });

export const sessionOutput = z
  .object({
    account: accountOutput,
    accessToken: z.string().meta({ description: "Send as `Authorization: Bearer <token>`." }),
    expiresIn: z.number().int().meta({ description: "Seconds until the access token expires." }),
    refreshToken: z
      .string()
      .optional()
      .meta({ description: "REST only: trade it at POST /api/v1/auth/refresh before it expires; each use rotates it. The web keeps it in a cookie." }),
  })
  .meta({ id: "Session" });

export const okOutput = z.object({ ok: z.literal(true) });

const pricedLine = z.object({
  variantId: z.string(),
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPrice: moneyOutput,
  taxRateBp: z.number().int().meta({ description: "Tax rate in basis points (1800 = 18%)." }),
  subtotal: moneyOutput,
  discount: moneyOutput,
  total: moneyOutput,
  tax: moneyOutput,
});

const totalsShape = {
  currency: z.string(),
  lines: list(pricedLine),
  subtotal: moneyOutput,
  discount: moneyOutput,
  deliveryFee: moneyOutput,
  tax: moneyOutput,
  total: moneyOutput,
  couponCode: z.string().nullable(),
  deliveryOptionId: z.string(),
};

/* Receipts (issue 17): the rows every page and email shows, derived once by core's `receiptOf`. */
const receiptOutput = z
  .object({
    rows: list(
      z.discriminatedUnion("kind", [
        z.object({
          kind: z.literal("line"),
          variantId: z.string(),
          label: z.string(),
          quantity: z.number().int(),
          unitPrice: moneyOutput.meta({ description: "List price, before any discount." }),
          amount: moneyOutput.meta({ description: "unitPrice × quantity." }),
        }),
        z.object({ kind: z.literal("discount"), label: z.string(), amount: moneyOutput.meta({ description: "Negative." }) }),
        z.object({ kind: z.literal("delivery"), label: z.string(), amount: moneyOutput }),
      ]),
    ),
    total: moneyOutput,
    taxIncluded: moneyOutput.meta({ description: "Tax already inside the rows (prices include tax); not added again." }),
  })
  .meta({ id: "Receipt", description: "Rows whose amounts add up to `total` exactly: lines at list price, discount, delivery." });

const cartFix = z.discriminatedUnion("action", [
  z.object({ action: z.literal("acceptPrice"), variantId: z.string() }),
  z.object({ action: z.literal("updateQuantity"), variantId: z.string(), quantity: z.number().int() }),
  z.object({ action: z.literal("remove"), variantId: z.string() }),
  z.object({ action: z.literal("removeCoupon") }),
  z.object({ action: z.literal("chooseDeliveryOption") }),
  z.object({ action: z.literal("addItems") }),
]);

const couponRejection = z.enum([
  "not_found",
  "inactive",
  "not_started",
  "expired",
  "minimum_not_met",
  "usage_limit_reached",
  "customer_limit_reached",
  "currency_mismatch",
]);

const cartProblem = z
  .discriminatedUnion("code", [
    z.object({ code: z.literal("EMPTY_CART"), fix: cartFix }),
    z.object({ code: z.literal("VARIANT_UNAVAILABLE"), variantId: z.string(), fix: cartFix }),
    z.object({ code: z.literal("PRODUCT_INACTIVE"), variantId: z.string(), sku: z.string(), fix: cartFix }),
    z.object({ code: z.literal("CURRENCY_MISMATCH"), variantId: z.string(), sku: z.string(), fix: cartFix }),
    z.object({
      code: z.literal("OUT_OF_STOCK"),
      variantId: z.string(),
      sku: z.string(),
      requested: z.number().int(),
      available: z.number().int(),
      fix: cartFix,
    }),
    z.object({ code: z.literal("PRICE_CHANGED"), variantId: z.string(), sku: z.string(), was: moneyOutput, now: moneyOutput, fix: cartFix }),
    z.object({ code: z.literal("COUPON_INVALID"), couponCode: z.string(), reason: couponRejection, fix: cartFix }),
    z.object({ code: z.literal("DELIVERY_OPTION_UNAVAILABLE"), deliveryOptionId: z.string(), fix: cartFix }),
  ])
  .meta({ id: "CartProblem", description: "Something that stops checkout, with the cart action that fixes it." });

export const cartOutput = z
  .object({
    lines: z.array(
      z.object({
        variantId: z.string(),
        quantity: z.number().int(),
        unitPrice: moneyOutput.meta({ description: "The price the shopper agreed to when adding the line." }),
        name: z.string().nullable(),
        sku: z.string().nullable(),
        productSlug: z.string().nullable(),
        image: z.string().nullable(),
        available: z.number().int(),
      }),
    ),
    couponCode: z.string().nullable(),
    deliveryOptionId: z.string(),
    updatedAt: at("When the cart last changed."),
    totals: z.object(totalsShape),
    receipt: receiptOutput,
    problems: z.array(cartProblem).meta({ description: "Empty when the cart can be checked out as it stands." }),
  })
  .meta({ id: "Cart" });

/* Order numbers (issue 17): what people quote, `BB-10423`, on every order output. */
const orderNumberOutput = z.string().meta({ description: "The store's short sequential order number, e.g. BB-10423: what people quote." });

export const placedOrderOutput = z
  .object({
    orderId: z.string(),
    orderNumber: orderNumberOutput,
    status: orderStatus,
    paymentMethod,
    total: moneyOutput,
    placedAt: at("When the order was placed."),
    clientSecret: z.string().nullable().meta({ description: "Card orders: the secret the payment page confirms the payment with." }),
  })
  .meta({ id: "PlacedOrder" });

export const myOrdersOutput = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        number: orderNumberOutput,
        status: orderStatus,
        paymentStatus,
        paymentMethod,
        total: moneyOutput,
        placedAt: at("When the order was placed."),
        itemCount: z.number().int(),
        firstItem: z.string().nullable(),
      }),
    ),
    nextCursor,
  })
  .meta({ id: "OrderPage" });

const historyActor = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("shopper"), userId: z.string() }),
  z.object({ kind: z.literal("admin"), userId: z.string(), permissions: list(permission) }),
  z.object({ kind: z.literal("system"), process: z.string() }),
]);

const refundOutput = z
  .object({
    id: z.string(),
    amount: moneyOutput,
    destination: z.enum(["wallet", "card"]),
    reason: z.string(),
    at: at("When the refund was issued."),
    status: z.enum(["pending", "succeeded", "failed"]),
    settledAt: at("When the provider confirmed it.").nullable(),
  })
  .meta({ id: "Refund" });

const orderShape = {
  id: z.string(),
  number: orderNumberOutput,
  userId: z.string(),
  status: orderStatus,
  address: addressOutput,
  payment: z.object({
    method: paymentMethod,
    status: paymentStatus,
    amountDue: moneyOutput,
    authorized: moneyOutput,
    captured: moneyOutput,
    refunded: moneyOutput,
    providerIntentId: z.string().nullable(),
    captureRefs: list(z.string()),
    failedAttempts: list(z.object({ at: at("When the attempt failed."), reason: z.string(), providerRef: z.string().nullable() })),
    refunds: list(refundOutput),
  }),
  tracking: z.object({ carrier: z.string(), trackingNumber: z.string() }).nullable(),
  returnReason: z.string().nullable(),
  restocked: z.boolean().nullable(),
  cancelReason: z.string().nullable(),
  idempotencyKey: z.string(),
  placedAt: at("When the order was placed."),
  expiresAt: at("When an unpaid order lapses.").nullable(),
  deliveredAt: at("When the order was delivered.").nullable(),
  history: list(
    z.discriminatedUnion("kind", [
      z.object({
        kind: z.literal("status"),
        at: at("When it happened."),
        actor: historyActor,
        event: z.enum(["place", ...orderEvent.options]),
        from: orderStatus.nullable(),
        to: orderStatus,
        note: z.string().nullable(),
      }),
      z.object({
        kind: z.literal("payment"),
        at: at("When it happened."),
        actor: historyActor,
        event: z.enum(["captured", "failed", "refunded"]),
        amount: moneyOutput.nullable(),
        note: z.string().nullable(),
      }),
    ]),
  ),
  version: z.number().int(),
  ...totalsShape,
  receipt: receiptOutput,
};

export const orderOutput = z
  .object({ ...orderShape, actions: z.array(orderEvent).meta({ description: "What the shopper may do to this order now." }) })
  .meta({ id: "Order" });

export const paymentSessionOutput = z.object({ clientSecret: z.string() });

export const walletBalanceOutput = z.object({ balance: moneyOutput }).meta({ id: "WalletBalance" });

export const walletStatementOutput = z
  .object({
    balance: moneyOutput,
    entries: z.array(
      z.object({
        id: z.string(),
        kind: transferKind,
        reference: z.string(),
        memo: z.string().nullable(),
        at: at("When the transfer was posted."),
        change: moneyOutput.meta({ description: "Positive credits the wallet, negative debits it." }),
        balanceAfter: moneyOutput,
      }),
    ),
    nextCursor,
  })
  .meta({ id: "WalletStatement" });

export const walletAdjustmentOutput = z
  .object({
    transferId: z.string(),
    balance: moneyOutput,
    replayed: z.boolean().meta({ description: "True when this idempotency key had already moved the money." }),
  })
  .meta({ id: "WalletAdjustment" });

const adminOrderExtras = {
  availableEvents: z.array(orderEvent),
  refundable: moneyOutput,
  refundDestinations: z.array(z.enum(["wallet", "card"])),
};

export const adminOrderPageOutput = z
  .object({
    items: z.array(
      z.object({
        ...adminOrderExtras,
        id: z.string(),
        number: orderNumberOutput,
        userId: z.string(),
        status: orderStatus,
        placedAt: at("When the order was placed."),
        total: moneyOutput,
        itemCount: z.number().int(),
        payment: z.object({ method: paymentMethod, status: paymentStatus }),
      }),
    ),
    nextCursor,
  })
  .meta({ id: "AdminOrderPage" });

const ledgerAccount = z
  .union([z.enum(Object.values(PLATFORM_ACCOUNTS)), z.templateLiteral(["wallet:", z.string()])])
  .meta({ description: "A ledger account: `platform:<name>` or `wallet:<userId>`." });

export const adminOrderOutput = z
  .object({
    ...orderShape,
    ...adminOrderExtras,
    customer: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
    transfers: z.array(
      z.object({
        id: z.string(),
        debit: ledgerAccount,
        credit: ledgerAccount,
        amount: moneyOutput,
        kind: transferKind,
        reference: z.string(),
        memo: z.string().nullable(),
        createdAt: at("When the transfer was posted."),
      }),
    ),
  })
  .meta({ id: "AdminOrder" });

export const adminRefundOutput = z.object({ refund: refundOutput, order: adminOrderOutput }).meta({ id: "AdminRefund" });
