import { stateByCode, type StateCode } from "../account/india.js";
import { err, ok, type Result } from "../result.js";
import { gstinStateCode, parseGstin, type GstinError } from "./gstin.js";

/**
 * The GST rate slabs in force since 22 September 2025 (0 %, 5 %, 18 %, 40 %), in basis points. A
 * setting, not code: the GST Council moves them, and a store may need 3 % (gold) or 0.25 %.
 */
export const DEFAULT_GST_SLABS_BP: readonly number[] = [0, 500, 1800, 4000];

/** SAC of courier and local delivery services: what the delivery line of an invoice carries. */
export const DELIVERY_SAC = "996812";

/** Series prefixes the shop keeps for its own documents; an invoice prefix may not take one. */
export const CREDIT_NOTE_PREFIX = "CN";
export const BILL_OF_SUPPLY_PREFIX = "BOS";

/**
 * The store's identity as a GST-registered supplier, and the tax rules it applies. Until `gstin` is
 * set the shop is not registered: it issues bills of supply and charges no GST on them.
 */
export interface StoreTaxSettings {
  readonly legalName: string;
  readonly gstin: string | null;
  /** Registered address, printable lines in order. */
  readonly addressLines: readonly string[];
  /** Where the store is registered (its short code, "KA"): decides intra- or inter-state supply. */
  readonly stateCode: StateCode;
  /** 1–3 capitals or digits; an invoice number reads `<prefix>/<FY>/<sequence>`. */
  readonly invoicePrefix: string;
  /** Rates a product may carry, in basis points. */
  readonly slabsBp: readonly number[];
  /** The rate of the delivery service line (SAC 996812); one of the slabs. */
  readonly deliveryRateBp: number;
}

export const defaultTaxSettings: StoreTaxSettings = {
  legalName: "",
  gstin: null,
  addressLines: [],
  stateCode: "KA",
  invoicePrefix: "INV",
  slabsBp: DEFAULT_GST_SLABS_BP,
  deliveryRateBp: 1800,
};

/** A refusal of tax settings, naming the field an admin must fix. */
export type TaxSettingsError =
  | (GstinError & { readonly field: "gstin" })
  | { readonly code: "GSTIN_STATE_MISMATCH"; readonly field: "stateCode"; readonly gstinState: string }
  | { readonly code: "INVOICE_PREFIX_INVALID"; readonly field: "invoicePrefix" }
  | { readonly code: "TAX_RATE_NOT_A_SLAB"; readonly field: string; readonly rateBp: number; readonly slabsBp: readonly number[] }
  | { readonly code: "LEGAL_NAME_REQUIRED"; readonly field: "legalName" };

/** Whether `rateBp` is one of the store's slabs: the only rates a product or delivery may carry. */
export function checkSlab(settings: Pick<StoreTaxSettings, "slabsBp">, rateBp: number, field: string): Result<number, TaxSettingsError> {
  return settings.slabsBp.includes(rateBp) ? ok(rateBp) : err({ code: "TAX_RATE_NOT_A_SLAB", field, rateBp, slabsBp: settings.slabsBp });
}

/**
 * Tax settings as an admin saves them: the GSTIN valid and registered in the state the store says it
 * is in (a GSTIN opens with its state's code), a legal name once registered, a prefix that cannot
 * collide with the credit-note or bill-of-supply series, and a delivery rate among the slabs.
 */
export function checkTaxSettings(input: StoreTaxSettings): Result<StoreTaxSettings, TaxSettingsError> {
  let gstin: string | null = null;
  if (input.gstin !== null) {
    const parsed = parseGstin(input.gstin);
    if (!parsed.ok) return err({ ...parsed.error, field: "gstin" });
    gstin = parsed.value;
    const state = stateByCode(input.stateCode);
    if (state?.gst !== gstinStateCode(gstin)) return err({ code: "GSTIN_STATE_MISMATCH", field: "stateCode", gstinState: gstinStateCode(gstin) });
    if (input.legalName.trim() === "") return err({ code: "LEGAL_NAME_REQUIRED", field: "legalName" });
  }
  if (!/^[A-Z0-9]{1,3}$/.test(input.invoicePrefix) || input.invoicePrefix === CREDIT_NOTE_PREFIX || input.invoicePrefix === BILL_OF_SUPPLY_PREFIX) {
    return err({ code: "INVOICE_PREFIX_INVALID", field: "invoicePrefix" });
  }
  const delivery = checkSlab(input, input.deliveryRateBp, "deliveryRateBp");
  if (!delivery.ok) return delivery;
  return ok({ ...input, gstin, slabsBp: [...new Set(input.slabsBp)].sort((a, b) => a - b) });
}
