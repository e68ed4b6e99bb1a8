import { stockAdjustmentInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { trpc } from "../../lib/trpc";
import { Field, FormError } from "../forms/field";
import { formText } from "../forms/field-errors";
import { useSchemaForm } from "../forms/use-schema-form";
import { Dialog } from "../ui/dialog";
import { button } from "../ui/styles";

/** A counted correction of one variant's on-hand stock, with the reason the audit log keeps. */
export function StockAdjustButton({ variantId, label, onDone }: { variantId: string; label: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const adjust = trpc.admin.catalog.adjustStock.useMutation();
  const { errors, setErrors, submit: send } = useSchemaForm(stockAdjustmentInput, adjust);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    return send({ variantId, delta: Number(formText(form, "delta")), reason: form.get("reason") }, () => {
      setOpen(false);
      onDone();
    });
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
