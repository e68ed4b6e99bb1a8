import { z } from "zod";
export declare const orderIdInput: z.ZodObject<{
    orderId: z.ZodString;
}, z.core.$strip>;
/**
 * What Razorpay Checkout's handler hands the browser after a payment, sent on for the server to
 * verify: the payment's id and `razorpay_signature` (hex HMAC-SHA256). The Razorpay Order is the
 * one attached to our order, never one the browser names.
 */
export declare const verifyPaymentInput: z.ZodObject<{
    orderId: z.ZodString;
    paymentId: z.ZodString;
    signature: z.ZodString;
}, z.core.$strip>;
/** The admin order list: every filter optional and combined with AND; placed in [`placedFrom`, `placedTo`). */
export declare const orderListInput: z.ZodObject<{
    cursor: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    limit: z.ZodDefault<z.ZodNumber>;
    status: z.ZodDefault<z.ZodNullable<z.ZodEnum<{
        return_requested: "return_requested";
        return_approved: "return_approved";
        return_rejected: "return_rejected";
        pending_payment: "pending_payment";
        confirmed: "confirmed";
        packed: "packed";
        shipped: "shipped";
        delivered: "delivered";
        cancelled: "cancelled";
        return_received: "return_received";
    }>>>;
    paymentStatus: z.ZodDefault<z.ZodNullable<z.ZodEnum<{
        unpaid: "unpaid";
        authorized: "authorized";
        paid: "paid";
        partially_refunded: "partially_refunded";
        refunded: "refunded";
    }>>>;
    paymentMethod: z.ZodDefault<z.ZodNullable<z.ZodEnum<{
        wallet: "wallet";
        card: "card";
        cod: "cod";
    }>>>;
    userId: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    placedFrom: z.ZodDefault<z.ZodNullable<z.ZodCoercedDate<unknown>>>;
    placedTo: z.ZodDefault<z.ZodNullable<z.ZodCoercedDate<unknown>>>;
    search: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
}, z.core.$strip>;
/** One schema per order event a person can trigger; `confirm` and `expire` belong to the system. */
export declare const orderEventInput: z.ZodDiscriminatedUnion<[z.ZodObject<{
    type: z.ZodLiteral<"pack">;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"ship">;
    carrier: z.ZodString;
    trackingNumber: z.ZodString;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"deliver">;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"cancel">;
    reason: z.ZodString;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"request_return">;
    reason: z.ZodString;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"approve_return">;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"reject_return">;
    reason: z.ZodString;
}, z.core.$strip>, z.ZodObject<{
    type: z.ZodLiteral<"receive_return">;
    restock: z.ZodBoolean;
}, z.core.$strip>], "type">;
export declare const orderTransitionInput: z.ZodObject<{
    orderId: z.ZodString;
    event: z.ZodDiscriminatedUnion<[z.ZodObject<{
        type: z.ZodLiteral<"pack">;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"ship">;
        carrier: z.ZodString;
        trackingNumber: z.ZodString;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"deliver">;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"cancel">;
        reason: z.ZodString;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"request_return">;
        reason: z.ZodString;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"approve_return">;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"reject_return">;
        reason: z.ZodString;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"receive_return">;
        restock: z.ZodBoolean;
    }, z.core.$strip>], "type">;
}, z.core.$strip>;
export declare const refundInput: z.ZodObject<{
    orderId: z.ZodString;
    amountMinor: z.ZodNumber;
    destination: z.ZodEnum<{
        wallet: "wallet";
        card: "card";
    }>;
    reason: z.ZodString;
    items: z.ZodDefault<z.ZodArray<z.ZodObject<{
        variantId: z.ZodString;
        quantity: z.ZodNumber;
    }, z.core.$strip>>>;
    idempotencyKey: z.ZodString;
}, z.core.$strip>;
/** Retry the provider call of a refund still pending (its earlier call failed or was never confirmed). */
export declare const refundIdInput: z.ZodObject<{
    orderId: z.ZodString;
    refundId: z.ZodString;
}, z.core.$strip>;
/** The dashboard's reporting period (sales chart, top products): the last 7 or 30 days, today included, in the store's time zone. */
export declare const salesReportInput: z.ZodObject<{
    days: z.ZodDefault<z.ZodUnion<readonly [z.ZodLiteral<7>, z.ZodLiteral<30>]>>;
}, z.core.$strip>;
//# sourceMappingURL=order.d.ts.map