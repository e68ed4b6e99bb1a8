import { INDIAN_STATES } from "@bbscart/core";
import { taxSettingsInput } from "@bbscart/core/schemas";
import type { FormEvent } from "react";
import { Field, FormError, SelectField, TextAreaField } from "../forms/field";
import { formText } from "../forms/field-errors";
import { useSchemaForm } from "../forms/use-schema-form";
import { Panel, SaveBar } from "../ui/layout";
import { trpc, type RouterOutputs } from "../../lib/trpc";
import { parseScaled, scaledText } from "./amount";

type Tax = RouterOutputs["admin"]["settings"]["get"]["tax"];

/** Percent rates as typed ("5, 18") → basis points; a part that does not parse stays text, so the schema names the field. */
const rates = (text: string) =>
  text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((part) => parseScaled(part, 2) ?? part);

/**
 * The store's GST identity: saved on its own (`admin.settings.updateTax`) so a typo in a GSTIN never
 * blocks a delivery-fee change. Until a GSTIN is saved the shop issues bills of supply, and says so here.
 */
export function TaxSettingsForm({ tax, saved, onSaved }: { tax: Tax; saved: string | null; onSaved: (message: string | null) => void }) {
  const utils = trpc.useUtils();
  const save = trpc.admin.settings.updateTax.useMutation({ onSuccess: (next) => utils.admin.settings.get.setData(undefined, next) });
  const { errors, submit: send } = useSchemaForm(taxSettingsInput, save);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name);
    const gstin = text("gstin").trim();
    await send(
      {
        legalName: text("legalName"),
        gstin: gstin === "" ? null : gstin,
        addressLines: text("addressLines")
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
        stateCode: text("stateCode"),
        invoicePrefix: text("invoicePrefix"),
        slabsBp: rates(text("slabs")),
        deliveryRateBp: parseScaled(text("deliveryRate"), 2) ?? text("deliveryRate"),
      },
      () => onSaved("Tax settings saved."),
    );
  };

  const e = (path: string) => errors[path];
  return (
    <form noValidate onSubmit={(ev) => void submit(ev)} className="flex max-w-4xl flex-col gap-4" aria-label="Tax (GST)">
      <Panel title="Tax (GST)">
        <p className="mb-4 text-sm text-slate-600">
          {tax.gstin === null
            ? "No GSTIN yet: orders get a bill of supply without GST. Add the store's GSTIN to issue tax invoices."
            : `Registered: orders get tax invoices numbered ${tax.invoicePrefix}/<year>/000001 onwards; refunds get credit notes (CN/…).`}
        </p>
        <FormError message={errors.form} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Legal name" name="legalName" defaultValue={tax.legalName} error={e("legalName")} />
          <Field label="GSTIN" name="gstin" defaultValue={tax.gstin ?? ""} error={e("gstin")} placeholder="29AAGCB7383J1Z4" autoCapitalize="characters" />
          <SelectField label="State of registration" name="stateCode" defaultValue={tax.stateCode} error={e("stateCode")}>
            {INDIAN_STATES.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name} ({s.gst})
              </option>
            ))}
          </SelectField>
          <Field label="Invoice prefix" name="invoicePrefix" defaultValue={tax.invoicePrefix} error={e("invoicePrefix")} maxLength={3} />
          <TextAreaField label="Registered address (one line each)" name="addressLines" defaultValue={tax.addressLines.join("\n")} error={e("addressLines")} rows={3} />
          <div className="grid gap-4">
            <Field label="GST rates offered (%)" name="slabs" defaultValue={tax.slabsBp.map((bp) => scaledText(bp, 2)).join(", ")} error={e("slabsBp")} />
            <Field label="Delivery GST rate (%)" name="deliveryRate" inputMode="decimal" defaultValue={scaledText(tax.deliveryRateBp, 2)} error={e("deliveryRateBp")} />
          </div>
        </div>
      </Panel>
      <SaveBar saved={saved} busy={save.isPending} label="Save tax settings" />
    </form>
  );
}
