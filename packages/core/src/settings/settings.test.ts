import { describe, expect, it } from "vitest";
import { defaultStoreSettings, findDeliveryOption, withSettingDefaults } from "./settings.js";

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

describe("withSettingDefaults", () => {
  it("completes settings saved before tax settings existed, and keeps saved ones", () => {
    const { tax: _tax, ...saved } = defaultStoreSettings;
    expect(withSettingDefaults(saved).tax).toEqual(defaultStoreSettings.tax);
    const registered = { ...defaultStoreSettings.tax, gstin: "29AAGCB7383J1Z4" };
    expect(withSettingDefaults({ ...saved, tax: registered }).tax).toBe(registered);
  });
});
