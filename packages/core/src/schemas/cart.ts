import { z } from "zod";
import { MAX_LINE_QUANTITY } from "../cart/cart.js";
import { PAYMENT_METHODS } from "../payment/payment.js";
import { addressInput } from "./account.js";
import { buyerInput } from "./gst.js";
import { id, idempotencyKey, int, labelled, oneOf, pageInput, text } from "./fields.js";

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
