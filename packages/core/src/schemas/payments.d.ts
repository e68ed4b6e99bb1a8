import { z } from "zod";
/** Recent webhook events for the payments health view, optionally one processing state only. */
export declare const webhookEventsInput: z.ZodObject<{
    cursor: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    limit: z.ZodDefault<z.ZodNumber>;
    status: z.ZodOptional<z.ZodEnum<{
        failed: "failed";
        received: "received";
        processing: "processing";
        processed: "processed";
    }>>;
}, z.core.$strip>;
/** Repairs reconciliation made, newest first. */
export declare const reconciliationsInput: z.ZodObject<{
    cursor: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    limit: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
//# sourceMappingURL=payments.d.ts.map