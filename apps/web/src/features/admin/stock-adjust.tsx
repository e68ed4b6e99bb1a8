import { stockAdjustmentInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { trpc } from "../../lib/trpc";
import { serverErrors, validate, type FieldErrors } from "../forms/field-errors";
import { Field, FormError } from "../forms/field";
import { formText } from "./form-text";
import { button, Dialog } from "./ui";

/** A counted correction of one variant's on-hand stock, with the reason the audit log keeps. */
export function StockAdjustButton({ variantId, label, onDone }: { variantId: string; label: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const adjust = trpc.admin.catalog.adjustStock.useMutation();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = validate(stockAdjustmentInput, { variantId, delta: Number(formText(form, "delta")), reason: form.get("reason") });
    if (!parsed.ok) return setErrors(parsed.errors);
    try {
      await adjust.mutateAsync(parsed.value);
      setOpen(false);
      onDone();
    } catch (error) {
      setErrors(serverErrors(error));
    }
  };

  return (
    <>
      <button type="button" className="text-sm font-medium text-teal-700 hover:underline" onClick={() => (setErrors({}), setOpen(true))}>
        Adjust<span className="sr-only"> stock of {label}</span>
      </button>
      <Dialog open={open} title={`Adjust stock: ${label}`} onClose={() => setOpen(false)}>
        <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
          <FormError message={errors.form} />
          <Field label="Change (+ received, − lost or damaged)" name="delta" type="number" step={1} required autoFocus error={errors.delta} />
          <Field label="Reason" name="reason" required error={errors.reason} placeholder="Stock count, damaged in storage…" />
          <div className="flex justify-end gap-2">
            <button type="button" className={button.secondary} onClick={() => setOpen(false)}>
              Back
            </button>
            <button type="submit" className={button.primary} disabled={adjust.isPending}>
              {adjust.isPending ? "Saving…" : "Adjust stock"}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
