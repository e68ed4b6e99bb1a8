import { z } from "zod";
import { MAX_LINE_QUANTITY } from "../cart/cart.js";
import { PAYMENT_METHODS } from "../payment/payment.js";
import { addressInput } from "./account.js";
import { buyerInput } from "./gst.js";
import { id, idempotencyKey, int, oneOf, pageInput, text } from "./fields.js";

export const cartAddInput = z.object({
  variantId: id("variantId"),
  quantity: int("quantity", 1, MAX_LINE_QUANTITY).default(1),
});

/** Zero removes the line. */
export const cartUpdateInput = z.object({
  variantId: id("variantId"),
  quantity: int("quantity", 0, MAX_LINE_QUANTITY),
});

/** A line of the cart, by its variant: remove it, or accept its current price. */
export const cartLineInput = z.object({ variantId: id("variantId") });
export const cartRemoveInput = cartLineInput;

/** The cart with its totals for a delivery option (the store's first one when absent). */
export const cartGetInput = z.object({ deliveryOptionId: id("deliveryOptionId").optional() }).optional();

export const cartCouponInput = z.object({
  code: text("code", 40).transform((code) => code.toUpperCase()),
});

export const paymentMethodInput = oneOf("paymentMethod", PAYMENT_METHODS);

/**
 * Checkout: one of a saved address (`addressId`) or a new one (`address`), a delivery option,
 * a payment method, and the idempotency key the browser generated for this submit.
 */
export const placeOrderInput = z
  .object({
    addressId: id("addressId").optional(),
    address: addressInput.optional(),
    deliveryOptionId: id("deliveryOptionId"),
    paymentMethod: paymentMethodInput,
    idempotencyKey,
    /** A business purchase: its GSTIN and name go on the tax invoice. */
    buyer: buyerInput.nullable().optional(),
  })
  .refine((v) => (v.addressId === undefined) !== (v.address === undefined), {
    error: "address: give either addressId or address, not both",
    path: ["addressId"],
  })
  // The same rule for JSON Schema (the REST document), which cannot read the refinement above.
  .meta({ oneOf: [{ required: ["addressId"] }, { required: ["address"] }] });

/** The signed-in shopper's own orders, newest first. */
export const myOrdersInput = z.object({ ...pageInput });

/** A shopper's cancellation of one of their orders, with the reason. */
export const orderReasonInput = z.object({ orderId: id("orderId"), reason: text("reason", 500, 3) });
