import { z } from "zod";
export declare const cartAddInput: z.ZodObject<{
    variantId: z.ZodString;
    quantity: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
/** Zero removes the line. */
export declare const cartUpdateInput: z.ZodObject<{
    variantId: z.ZodString;
    quantity: z.ZodNumber;
}, z.core.$strip>;
/** A line of the cart, by its variant: remove it, or accept its current price. */
export declare const cartLineInput: z.ZodObject<{
    variantId: z.ZodString;
}, z.core.$strip>;
export declare const cartRemoveInput: z.ZodObject<{
    variantId: z.ZodString;
}, z.core.$strip>;
/** The cart with its totals for a delivery option (the store's first one when absent). */
export declare const cartGetInput: z.ZodOptional<z.ZodObject<{
    deliveryOptionId: z.ZodOptional<z.ZodString>;
}, z.core.$strip>>;
export declare const cartCouponInput: z.ZodObject<{
    code: z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>;
}, z.core.$strip>;
export declare const paymentMethodInput: z.ZodEnum<{
    wallet: "wallet";
    card: "card";
    cod: "cod";
}>;
/**
 * Checkout: one of a saved address (`addressId`) or a new one (`address`), a delivery option,
 * a payment method, and the idempotency key the browser generated for this submit.
 */
export declare const placeOrderInput: z.ZodObject<{
    addressId: z.ZodOptional<z.ZodString>;
    address: z.ZodOptional<z.ZodObject<{
        label: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
        name: z.ZodString;
        phone: z.ZodString;
        line1: z.ZodString;
        line2: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
        city: z.ZodString;
        state: z.ZodString;
        postalCode: z.ZodString;
        country: z.ZodDefault<z.ZodString>;
    }, z.core.$strip>>;
    deliveryOptionId: z.ZodString;
    paymentMethod: z.ZodEnum<{
        wallet: "wallet";
        card: "card";
        cod: "cod";
    }>;
    idempotencyKey: z.ZodString;
}, z.core.$strip>;
/** The signed-in shopper's own orders, newest first. */
export declare const myOrdersInput: z.ZodObject<{
    cursor: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    limit: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
/** A shopper's cancellation or return request for one of their orders, with the reason. */
export declare const orderReasonInput: z.ZodObject<{
    orderId: z.ZodString;
    reason: z.ZodString;
}, z.core.$strip>;
//# sourceMappingURL=cart.d.ts.map