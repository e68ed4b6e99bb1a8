import { z } from "zod";
/** Top-ups between ₹10 and ₹1,00,000. */
export declare const walletTopUpInput: z.ZodObject<{
    amountMinor: z.ZodNumber;
    idempotencyKey: z.ZodString;
}, z.core.$strip>;
/**
 * Signed: positive credits the wallet, negative debits it. The reason is mandatory and audited;
 * the ledger transfer's id is derived from `idempotencyKey`, so repeating the request is harmless.
 */
export declare const walletAdjustmentInput: z.ZodObject<{
    userId: z.ZodString;
    amountMinor: z.ZodNumber;
    reason: z.ZodString;
    idempotencyKey: z.ZodString;
    totpCode: z.ZodOptional<z.ZodString>;
}, z.core.$strip>;
export declare const walletReversalInput: z.ZodObject<{
    transferId: z.ZodString;
    reason: z.ZodString;
}, z.core.$strip>;
export declare const walletStatementInput: z.ZodObject<{
    cursor: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    limit: z.ZodDefault<z.ZodNumber>;
}, z.core.$strip>;
export declare const adminWalletStatementInput: z.ZodObject<{
    cursor: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    limit: z.ZodDefault<z.ZodNumber>;
    userId: z.ZodString;
}, z.core.$strip>;
//# sourceMappingURL=wallet.d.ts.map