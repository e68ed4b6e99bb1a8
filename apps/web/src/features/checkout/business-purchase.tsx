import { buyerInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { Field } from "../forms/field";
import { validate, type FieldErrors } from "../forms/field-errors";

export interface BusinessPurchase {
  readonly on: boolean;
  readonly gstin: string;
  readonly businessName: string;
}

export const noBusinessPurchase: BusinessPurchase = { on: false, gstin: "", businessName: "" };

/**
 * What checkout sends for the business-purchase fields: null for a consumer, the checked buyer, or the
 * schema's messages by field ("gstin", "businessName") for the form to show beside them.
 */
export function buyerOf(business: BusinessPurchase): { ok: true; buyer: z.output<typeof buyerInput> | null } | { ok: false; errors: FieldErrors } {
  if (!business.on) return { ok: true, buyer: null };
  const checked = validate(buyerInput, { gstin: business.gstin, businessName: business.businessName });
  return checked.ok ? { ok: true, buyer: checked.value } : { ok: false, errors: checked.errors };
}

/** Optional B2B fields: the buyer's GSTIN and business name go on the tax invoice. */
export function BusinessPurchaseFields({ value, onChange, errors, registered }: { value: BusinessPurchase; onChange: (next: BusinessPurchase) => void; errors: FieldErrors; registered: boolean }) {
  return (
    <div className="flex flex-col gap-3">
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input type="checkbox" className="h-4 w-4" checked={value.on} onChange={(e) => onChange({ ...value, on: e.target.checked })} /> Business purchase (GSTIN)
      </label>
      {value.on && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Buyer GSTIN" name="buyerGstin" value={value.gstin} onChange={(e) => onChange({ ...value, gstin: e.target.value })} error={errors["buyer.gstin"]} autoCapitalize="characters" />
          <Field label="Business name" name="buyerName" value={value.businessName} onChange={(e) => onChange({ ...value, businessName: e.target.value })} error={errors["buyer.businessName"]} />
        </div>
      )}
      {!registered && <p className="text-sm text-slate-500">This shop is not GST-registered yet: you will get a bill of supply, without GST.</p>}
    </div>
  );
}
