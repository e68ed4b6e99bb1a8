export const defaultStoreSettings = {
    storeName: "BBSCART",
    currency: "INR",
    taxRateBp: 1800,
    deliveryOptions: [
        { id: "standard", label: "Standard delivery", feeMinor: 4900, freeOverMinor: 49900, etaDays: { min: 3, max: 5 } },
        { id: "express", label: "Express delivery", feeMinor: 14900, freeOverMinor: null, etaDays: { min: 1, max: 2 } },
    ],
    returnWindowDays: 7,
    paymentExpiryMinutes: 30,
    codEnabled: true,
    timeZone: "Asia/Kolkata",
    lowStockThreshold: 5,
};
/** The delivery option with `id`, or null when the store does not offer it (any more). */
export function findDeliveryOption(settings, id) {
    return settings.deliveryOptions.find((option) => option.id === id) ?? null;
}
//# sourceMappingURL=settings.js.map