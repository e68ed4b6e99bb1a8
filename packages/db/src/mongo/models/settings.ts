import { Schema } from "mongoose";
import type { StoreSettings } from "@bbscart/core";
import { collectionOptions, nullable } from "./shared.js";

/** The single settings document; `_id` is always {@link SETTINGS_ID}. */
export type SettingsDoc = Omit<StoreSettings, "tax"> & { tax?: StoreSettings["tax"]; _id: string };

export const SETTINGS_ID = "store";

const deliveryOptionSchema = new Schema(
  {
    id: { type: String, required: true },
    label: { type: String, required: true },
    feeMinor: { type: Number, required: true },
    freeOverMinor: nullable(Number),
    etaDays: { type: new Schema({ min: { type: Number, required: true }, max: { type: Number, required: true } }, { _id: false, strict: "throw" }), required: true },
  },
  { _id: false, strict: "throw" },
);

const taxSettingsSchema = new Schema(
  {
    legalName: { type: String, default: "" },
    gstin: nullable(String),
    addressLines: { type: [String], default: [] },
    stateCode: { type: String, required: true },
    invoicePrefix: { type: String, required: true },
    slabsBp: { type: [Number], default: [] },
    deliveryRateBp: { type: Number, required: true },
  },
  { _id: false, strict: "throw" },
);

export const settingsSchema = new Schema<SettingsDoc>(
  {
    _id: { type: String, required: true },
    storeName: { type: String, required: true },
    currency: { type: String, required: true },
    taxRateBp: { type: Number, required: true },
    deliveryOptions: { type: [deliveryOptionSchema], default: [] },
    returnWindowDays: { type: Number, required: true },
    paymentExpiryMinutes: { type: Number, required: true },
    codEnabled: { type: Boolean, required: true },
    timeZone: { type: String, required: true },
    lowStockThreshold: { type: Number, required: true },
    // Absent on settings saved before GST documents; `withSettingDefaults` completes them on read.
    tax: { type: taxSettingsSchema },
  },
  collectionOptions("settings"),
);
