import { z } from "zod";
export declare const deliveryOptionInput: z.ZodObject<{
    id: z.ZodString;
    label: z.ZodString;
    feeMinor: z.ZodNumber;
    freeOverMinor: z.ZodNullable<z.ZodNumber>;
    etaDays: z.ZodObject<{
        min: z.ZodNumber;
        max: z.ZodNumber;
    }, z.core.$strip>;
}, z.core.$strip>;
/** The whole settings document, as admins save it; checked against the domain type. */
export declare const storeSettingsInput: z.ZodObject<{
    storeName: z.ZodString;
    currency: z.ZodString;
    taxRateBp: z.ZodNumber;
    deliveryOptions: z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        label: z.ZodString;
        feeMinor: z.ZodNumber;
        freeOverMinor: z.ZodNullable<z.ZodNumber>;
        etaDays: z.ZodObject<{
            min: z.ZodNumber;
            max: z.ZodNumber;
        }, z.core.$strip>;
    }, z.core.$strip>>;
    returnWindowDays: z.ZodNumber;
    paymentExpiryMinutes: z.ZodNumber;
    codEnabled: z.ZodBoolean;
    timeZone: z.ZodString;
    lowStockThreshold: z.ZodNumber;
}, z.core.$strip>;
//# sourceMappingURL=settings.d.ts.map