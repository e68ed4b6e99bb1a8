import { z } from "zod";
import { MAX_LINE_QUANTITY } from "../cart/cart.js";
import { PAYMENT_METHODS } from "../payment/payment.js";
import { addressInput } from "./account.js";
import { buyerInput } from "./gst.js";
import { email, id, idempotencyKey, int, labelled, mobile, oneOf, pageInput, text } from "./fields.js";

export const cartAddInput = z.object({
  variantId: id("Product"),
  quantity: int("Quantity", 1, MAX_LINE_QUANTITY).default(1),
});

/** Zero removes the line. */
export const cartUpdateInput = z.object({
  variantId: id("Product"),
  quantity: int("Quantity", 0, MAX_LINE_QUANTITY),
});

/** A line of the cart, by its variant: remove it, or accept its current price. */
export const cartLineInput = z.object({ variantId: id("Product") });
export const cartRemoveInput = cartLineInput;

/** The cart with its totals for a delivery option (the store's first one when absent). */
export const cartGetInput = z.object({ deliveryOptionId: id("Delivery option").optional() }).optional();

export const cartCouponInput = z.object({
  code: text("Coupon code", 40).transform((code) => code.toUpperCase()),
});

export const paymentMethodInput = oneOf("Payment method", PAYMENT_METHODS, "wallet, card or cash on delivery");

/**
 * Checkout: one of a saved address (`addressId`) or a new one (`address`), a delivery option,
 * a payment method, and the idempotency key the browser generated for this submit.
 */
export const placeOrderInput = z
  .object({
    addressId: id("Saved address").optional(),
    address: labelled(addressInput, "Delivery address").optional(),
    deliveryOptionId: id("Delivery option"),
    paymentMethod: paymentMethodInput,
    idempotencyKey,
    /** A business purchase: its GSTIN and name go on the tax invoice. */
    buyer: labelled(buyerInput, "Business purchase").nullable().optional(),
  })
  .refine((v) => (v.addressId === undefined) !== (v.address === undefined), {
    error: "Choose a saved address or enter a new one, not both",
    path: ["addressId"],
  })
  // The same rule for JSON Schema (the REST document), which cannot read the refinement above.
  .meta({ oneOf: [{ required: ["addressId"] }, { required: ["address"] }] });

/** The signed-in shopper's own orders, newest first. */
export const myOrdersInput = z.object({ ...pageInput });

/** A shopper's cancellation of one of their orders, with the reason. */
export const orderReasonInput = z.object({ orderId: id("Order"), reason: text("Reason", 500, 3) });

/** What a guest may pay with: a wallet belongs to an account (ADR 141). */
export const GUEST_PAYMENT_METHODS = ["card", "cod"] as const satisfies readonly (typeof PAYMENT_METHODS)[number][];

/**
 * Checkout without an account (ADR 141): the guest's email and mobile number, a new address
 * (validated like a saved one), and what an account's checkout takes. The web checks out the
 * guest's cookie cart; /api/v1 has no cookies, so a REST client sends the `lines` (and
 * `couponCode`) in the body instead.
 */
export const guestCheckoutInput = z.object({
  email,
  phone: mobile(),
  address: labelled(addressInput, "Delivery address"),
  deliveryOptionId: id("Delivery option"),
  paymentMethod: oneOf("Payment method", GUEST_PAYMENT_METHODS, "card or cash on delivery"),
  idempotencyKey,
  lines: labelled(
    z
      .array(cartAddInput.extend({ quantity: int("Quantity", 1, MAX_LINE_QUANTITY) }), { error: "Items must be a list of products and quantities" })
      .min(1, { error: "Items must hold at least one product" })
      .max(50, { error: "Items must hold at most 50 products" }),
    "Items",
  ).optional(),
  couponCode: cartCouponInput.shape.code.optional(),
});

/**
 * "Track your order": the order number with the email or the phone it was placed with. Both
 * may be given; either matching is enough. Numbers are case-insensitive (`bb-10423`).
 */
export const trackOrderInput = z
  .object({
    number: text("Order number", 20).transform((value) => value.toUpperCase()),
    email: email.optional(),
    phone: text("Phone", 20).optional(),
  })
  .refine((v) => v.email !== undefined || v.phone !== undefined, { error: "Give the email or the phone the order was placed with", path: ["email"] })
  .meta({ anyOf: [{ required: ["email"] }, { required: ["phone"] }] });

/** An order link from a confirmation email: the signed token alone opens the order. */
export const orderTokenInput = z.object({ token: text("Order link", 300) });
