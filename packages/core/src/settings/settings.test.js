import { describe, expect, it } from "vitest";
import { defaultStoreSettings, findDeliveryOption } from "./settings.js";
describe("store settings", () => {
    it("default to INR with integer basis-point tax", () => {
        expect(defaultStoreSettings.currency).toBe("INR");
        expect(Number.isInteger(defaultStoreSettings.taxRateBp)).toBe(true);
    });
    it("find delivery options by id", () => {
        expect(findDeliveryOption(defaultStoreSettings, "express")?.feeMinor).toBe(14900);
        expect(findDeliveryOption(defaultStoreSettings, "drone")).toBeNull();
    });
});
//# sourceMappingURL=settings.test.js.map