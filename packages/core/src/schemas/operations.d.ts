import { z } from "zod";
/** The failed set is paged by position (BullMQ keeps it sorted by failure time), not by cursor. */
export declare const failedJobsInput: z.ZodObject<{
    queue: z.ZodString;
    offset: z.ZodDefault<z.ZodNumber>;
    limit: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
export declare const failedJobActionInput: z.ZodObject<{
    queue: z.ZodString;
    jobId: z.ZodString;
    reason: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
}, z.core.$strip>;
/** Notifications that failed their last attempt, newest first (from the outbox, whatever the queue holds). */
export declare const failedMessagesInput: z.ZodObject<{
    cursor: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    limit: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
/** Queues a failed notification again, even when its queue job is gone; audited with the reason. */
export declare const messageRetryInput: z.ZodObject<{
    outboxId: z.ZodString;
    reason: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
}, z.core.$strip>;
//# sourceMappingURL=operations.d.ts.map