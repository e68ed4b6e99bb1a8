import type { DeliveryOption } from "@bbscart/core";
import { storeSettingsInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { amountText, parseAmount, parseScaled, scaledText } from "../../features/admin/amount";
import { TaxSettingsForm } from "../../features/admin/tax-settings-form";
import { Field, FormError } from "../../features/forms/field";
import { formText } from "../../features/forms/field-errors";
import { useSchemaForm } from "../../features/forms/use-schema-form";
import { PageHeader, Panel, SaveBar } from "../../features/ui/layout";
import { QueryView } from "../../features/ui/states";
import { button } from "../../features/ui/styles";
import { trpc, type RouterOutputs } from "../../lib/trpc";

type Settings = RouterOutputs["admin"]["settings"]["get"];

export function SettingsPage() {
  const settings = trpc.admin.settings.get.useQuery();
  // Held here: a save re-keys the tax form with what was saved, and its confirmation must outlive that.
  const [taxSaved, setTaxSaved] = useState<string | null>(null);
  return (
    <>
      <PageHeader title="Store settings" description="Tax, delivery, returns, payment time limit and the store's time zone." />
      <QueryView query={settings} label="the settings">
        {(data) => (
          <div className="flex flex-col gap-8">
            <SettingsForm key={JSON.stringify(data)} settings={data} />
            <TaxSettingsForm key={JSON.stringify(data.tax)} tax={data.tax} saved={taxSaved} onSaved={setTaxSaved} />
          </div>
        )}
      </QueryView>
    </>
  );
}

/** Amount fields that fail to parse keep the typed text, so the schema's message names the field. */
const money = (text: string, currency: string) => parseAmount(text, currency) ?? text;
const int = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : text);

function SettingsForm({ settings }: { settings: Settings }) {
  const utils = trpc.useUtils();
  const save = trpc.admin.settings.update.useMutation({ onSuccess: (next) => utils.admin.settings.get.setData(undefined, next) });
  // Rows carry a local key so removing one keeps what was typed into the others.
  const [options, setOptions] = useState<(DeliveryOption & { row: number })[]>(() => settings.deliveryOptions.map((option, row) => ({ ...option, row })));
  const { errors, submit: send } = useSchemaForm(storeSettingsInput, save);
  const [saved, setSaved] = useState<string | null>(null);
  const { currency } = settings;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name);
    const values = {
      storeName: text("storeName"),
      currency: text("currency").trim().toUpperCase(),
      taxRateBp: parseScaled(text("tax"), 2) ?? text("tax"),
      returnWindowDays: int(text("returnWindowDays")),
      paymentExpiryMinutes: int(text("paymentExpiryMinutes")),
      codEnabled: form.get("codEnabled") === "on",
      timeZone: text("timeZone").trim(),
      lowStockThreshold: int(text("lowStockThreshold")),
      deliveryOptions: options.map((_, i) => ({
        id: text(`o${i}.id`),
        label: text(`o${i}.label`),
        feeMinor: money(text(`o${i}.fee`), currency),
        freeOverMinor: text(`o${i}.freeOver`).trim() === "" ? null : money(text(`o${i}.freeOver`), currency),
        etaDays: { min: int(text(`o${i}.etaMin`)), max: int(text(`o${i}.etaMax`)) },
      })),
    };
    setSaved(null);
    await send(values, () => setSaved("Settings saved."));
  };

  const e = (path: string) => errors[path];
  return (
    <form noValidate onSubmit={(ev) => void submit(ev)} className="flex max-w-4xl flex-col gap-6" aria-label="Store settings">
      <FormError message={errors.form} />
      <Panel title="Store">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Store name" name="storeName" defaultValue={settings.storeName} error={e("storeName")} />
          <Field label="Currency (ISO code)" name="currency" defaultValue={settings.currency} error={e("currency")} />
          <Field label="Time zone" name="timeZone" defaultValue={settings.timeZone} error={e("timeZone")} placeholder="Asia/Kolkata" />
          <Field label="Tax rate (%)" name="tax" inputMode="decimal" defaultValue={scaledText(settings.taxRateBp, 2)} error={e("taxRateBp")} />
        </div>
      </Panel>
      <Panel title="Orders">
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Return window (days)" name="returnWindowDays" inputMode="numeric" defaultValue={settings.returnWindowDays} error={e("returnWindowDays")} />
          <Field label="Payment time limit (minutes)" name="paymentExpiryMinutes" inputMode="numeric" defaultValue={settings.paymentExpiryMinutes} error={e("paymentExpiryMinutes")} />
          <Field label="Low-stock threshold" name="lowStockThreshold" inputMode="numeric" defaultValue={settings.lowStockThreshold} error={e("lowStockThreshold")} />
          <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
            <input type="checkbox" name="codEnabled" defaultChecked={settings.codEnabled} className="h-4 w-4" /> Offer cash on delivery
          </label>
        </div>
      </Panel>
      <Panel
        title="Delivery options"
        actions={
          <button
            type="button"
            className={button.secondary}
            onClick={() =>
              setOptions([...options, { row: Math.max(-1, ...options.map((o) => o.row)) + 1, id: "", label: "", feeMinor: 0, freeOverMinor: null, etaDays: { min: 1, max: 3 } }])
            }
          >
            Add option
          </button>
        }
      >
        <FormError message={e("deliveryOptions")} />
        <ul className="flex flex-col gap-4">
          {options.map((option, i) => (
            <li key={option.row} className="rounded-xl border border-slate-200 p-3">
              <fieldset className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
                <legend className="sr-only">Delivery option {i + 1}</legend>
                <Field label="Id" name={`o${i}.id`} defaultValue={option.id} error={e(`deliveryOptions.${i}.id`)} />
                <Field label="Label" name={`o${i}.label`} defaultValue={option.label} error={e(`deliveryOptions.${i}.label`)} />
                <Field label={`Fee (${currency})`} name={`o${i}.fee`} inputMode="decimal" defaultValue={amountText(option.feeMinor, currency)} error={e(`deliveryOptions.${i}.feeMinor`)} />
                <Field
                  label="Free from (optional)"
                  name={`o${i}.freeOver`}
                  inputMode="decimal"
                  defaultValue={option.freeOverMinor === null ? "" : amountText(option.freeOverMinor, currency)}
                  error={e(`deliveryOptions.${i}.freeOverMinor`)}
                />
                <Field label="Days, from" name={`o${i}.etaMin`} inputMode="numeric" defaultValue={option.etaDays.min} error={e(`deliveryOptions.${i}.etaDays.min`) ?? e(`deliveryOptions.${i}.etaDays`)} />
                <Field label="Days, to" name={`o${i}.etaMax`} inputMode="numeric" defaultValue={option.etaDays.max} error={e(`deliveryOptions.${i}.etaDays.max`)} />
              </fieldset>
              {options.length > 1 && (
                <button type="button" className="mt-2 text-sm text-red-700 hover:underline" onClick={() => setOptions(options.filter((_, j) => j !== i))}>
                  Remove option {i + 1}
                </button>
              )}
            </li>
          ))}
        </ul>
      </Panel>
      <SaveBar saved={saved} busy={save.isPending} label="Save settings" />
    </form>
  );
}
