import type { CurrencyCode } from "../money/money.js";
/** A way to deliver; the fee is waived when the discounted subtotal reaches `freeOverMinor`. */
export interface DeliveryOption {
    readonly id: string;
    readonly label: string;
    readonly feeMinor: number;
    readonly freeOverMinor: number | null;
    readonly etaDays: {
        readonly min: number;
        readonly max: number;
    };
}
/**
 * Store-wide configuration, edited by admins. Every amount is in `currency` minor units;
 * every rate is integer basis points.
 */
export interface StoreSettings {
    readonly storeName: string;
    readonly currency: CurrencyCode;
    /** Default tax rate for products without their own rate; 1800 = 18 %. */
    readonly taxRateBp: number;
    readonly deliveryOptions: readonly DeliveryOption[];
    /** Days after delivery during which a shopper may request a return. */
    readonly returnWindowDays: number;
    /** Minutes an unpaid order holds its stock before it expires. */
    readonly paymentExpiryMinutes: number;
    readonly codEnabled: boolean;
    /** IANA zone used for "sales today" and other calendar questions. */
    readonly timeZone: string;
    readonly lowStockThreshold: number;
}
export declare const defaultStoreSettings: StoreSettings;
/** The delivery option with `id`, or null when the store does not offer it (any more). */
export declare function findDeliveryOption(settings: StoreSettings, id: string): DeliveryOption | null;
//# sourceMappingURL=settings.d.ts.map