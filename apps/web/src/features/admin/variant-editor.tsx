import { variantAddInput, variantUpdateInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { trpc, type RouterOutputs } from "../../lib/trpc";
import { Field, FormError } from "../forms/field";
import { fieldMessage, formText } from "../forms/field-errors";
import { useSchemaForm } from "../forms/use-schema-form";
import { Badge, Panel, SaveBar } from "../ui/layout";
import { button } from "../ui/styles";
import { amountText, parseAmount } from "./amount";
import { StockAdjustButton } from "./stock-adjust";

type AdminProduct = RouterOutputs["admin"]["catalog"]["product"];
type Variant = AdminProduct["variants"][number];

const priceError = fieldMessage(variantAddInput.shape.priceMinor, "must be an amount such as 499.00");

/** The product's variants: each one's SKU, name, price and sale flag saved on its own, stock adjusted with a reason. */
export function VariantEditor({ product, currency }: { product: AdminProduct; currency: string }) {
  const utils = trpc.useUtils();
  const refresh = () => void utils.admin.catalog.product.invalidate({ productId: product.id });
  return (
    <Panel title="Variants">
      <ul className="flex flex-col gap-4">
        {product.variants.map((variant) => (
          <li key={variant.id} className="rounded-xl border border-slate-200 p-3">
            <VariantRow variant={variant} currency={currency} onSaved={refresh} />
          </li>
        ))}
      </ul>
      <AddVariant productId={product.id} currency={currency} onAdded={refresh} />
    </Panel>
  );
}

function VariantRow({ variant, currency, onSaved }: { variant: Variant; currency: string; onSaved: () => void }) {
  const [saved, setSaved] = useState<string | null>(null);
  const update = trpc.admin.catalog.updateVariant.useMutation();
  const { errors, setErrors, submit: send } = useSchemaForm(variantUpdateInput, update);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const priceMinor = parseAmount(formText(form, "price"), currency);
    if (priceMinor === null) return setErrors({ priceMinor: priceError });
    await send({ variantId: variant.id, sku: form.get("sku"), name: form.get("name"), priceMinor, active: form.get("active") === "on" }, () => {
      setSaved("Saved.");
      onSaved();
    });
  };

  const label = `${variant.sku}${variant.name ? ` (${variant.name})` : ""}`;
  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-label={`Variant ${label}`} className="flex flex-col gap-3">
      <FormError message={errors.form} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="SKU" name="sku" defaultValue={variant.sku} error={errors.sku} />
        <Field label="Variant name" name="name" defaultValue={variant.name} error={errors.name} />
        <Field label={`Price (${currency})`} name="price" inputMode="decimal" defaultValue={amountText(variant.price.minor, variant.price.currency)} error={errors.priceMinor} />
        <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium text-slate-700">
          <input type="checkbox" name="active" defaultChecked={variant.active} className="h-4 w-4" /> On sale
        </label>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="flex flex-wrap items-center gap-2 text-slate-600">
          <span>
            On hand <strong className="tabular-nums">{variant.stock.onHand}</strong> · reserved <span className="tabular-nums">{variant.stock.reserved}</span> · available{" "}
            <strong className="tabular-nums" data-testid={`available-${variant.sku}`}>{variant.stock.available}</strong>
          </span>
          {variant.stock.available === 0 && <Badge tone="red">Sold out</Badge>}
          <StockAdjustButton variantId={variant.id} label={label} onDone={onSaved} />
        </p>
        <SaveBar saved={saved} busy={update.isPending} label="Save variant" secondary />
      </div>
    </form>
  );
}

function AddVariant({ productId, currency, onAdded }: { productId: string; currency: string; onAdded: () => void }) {
  const [formKey, setFormKey] = useState(0);
  const add = trpc.admin.catalog.addVariant.useMutation();
  const { errors, setErrors, submit: send } = useSchemaForm(variantAddInput, add);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const priceMinor = parseAmount(formText(form, "price"), currency);
    if (priceMinor === null) return setErrors({ priceMinor: priceError });
    await send({ productId, sku: form.get("sku"), name: form.get("name"), priceMinor, stockOnHand: Number(formText(form, "stock") || 0) }, () => {
      setFormKey((k) => k + 1);
      onAdded();
    });
  };

  return (
    <details className="mt-4">
      <summary className="cursor-pointer text-sm font-medium text-teal-700">Add a variant</summary>
      <form key={formKey} noValidate onSubmit={(e) => void submit(e)} className="mt-3 flex flex-col gap-3" aria-label="New variant">
        <FormError message={errors.form} />
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="SKU" name="sku" error={errors.sku} />
          <Field label="Variant name" name="name" error={errors.name} />
          <Field label={`Price (${currency})`} name="price" inputMode="decimal" error={errors.priceMinor} />
          <Field label="Stock on hand" name="stock" type="number" min={0} defaultValue={0} error={errors.stockOnHand} />
        </div>
        <button type="submit" className={`${button.primary} w-fit`} disabled={add.isPending}>
          Add variant
        </button>
      </form>
    </details>
  );
}
