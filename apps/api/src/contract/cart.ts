import { COUPON_REJECTION_REASONS } from "@bbscart/core";
import { z } from "zod";
import { at, list, moneyOutput } from "./shared.js";

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

/** A priced cart's totals; a placed order keeps them as they were. */
export const totalsShape = {
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

/** The rows every page and email shows, derived once by core's `receiptOf`. */
export const receiptOutput = z
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
    z.object({ code: z.literal("COUPON_INVALID"), couponCode: z.string(), reason: z.enum(COUPON_REJECTION_REASONS), fix: cartFix }),
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
