import { RETURN_REASONS } from "@bbscart/core";
import { returnRequestInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { trpc } from "../../lib/trpc";
import { FormError, SelectField, TextAreaField } from "../forms/field";
import { formText } from "../forms/field-errors";
import { useSchemaForm } from "../forms/use-schema-form";
import { button } from "../ui/styles";
import { returnReasonLabel } from "./returns";
import type { OrderDetail } from "./status";

/**
 * The shopper picks how many units of each line to send back (up to what `returnable` says is
 * left), a reason from core's list and, if they like, a few words. The API checks the units
 * again: a refusal names the line it concerns, shown beside it.
 */
export function ReturnForm({ order, onDone, onCancel }: { order: OrderDetail; onDone: (next: OrderDetail) => void; onCancel: () => void }) {
  const requestReturn = trpc.order.requestReturn.useMutation();
  const { errors, submit: send } = useSchemaForm(returnRequestInput, requestReturn);
  const offered = order.lines.map((line) => ({ line, units: order.returnable.find((r) => r.variantId === line.variantId)?.units ?? 0 })).filter((o) => o.units > 0);

  const [units, setUnits] = useState<Record<string, number>>({});
  // What is sent: the lines with units chosen, in the order's line order. The API's errors name an index in this list.
  const chosen = offered.map(({ line }) => ({ variantId: line.variantId, quantity: units[line.variantId] ?? 0 })).filter((l) => l.quantity > 0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    return send({ orderId: order.id, lines: chosen, reason: formText(form, "reason"), note: formText(form, "note") }, onDone);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-3" aria-label="Request a return">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">What are you sending back?</legend>
        {offered.map(({ line, units: left }) => {
          const index = chosen.findIndex((l) => l.variantId === line.variantId);
          return (
            <SelectField
              key={line.variantId}
              label={`${line.name} (units)`}
              name={`units-${line.variantId}`}
              value={units[line.variantId] ?? 0}
              onChange={(e) => setUnits({ ...units, [line.variantId]: Number(e.target.value) })}
              error={index >= 0 ? (errors[`lines.${index}.quantity`] ?? errors[`lines.${index}.variantId`]) : undefined}
            >
              {Array.from({ length: left + 1 }, (_, n) => (
                <option key={n} value={n}>
                  {n === 0 ? "None" : `${n} of ${line.quantity}`}
                </option>
              ))}
            </SelectField>
          );
        })}
      </fieldset>
      <SelectField label="Reason" name="reason" defaultValue="" error={errors.reason}>
        <option value="" disabled>
          Choose a reason
        </option>
        {RETURN_REASONS.map((reason) => (
          <option key={reason} value={reason}>
            {returnReasonLabel[reason]}
          </option>
        ))}
      </SelectField>
      <TextAreaField label="Anything we should know? (optional)" name="note" rows={2} maxLength={500} error={errors.note} />
      <FormError message={errors.form ?? errors.lines ?? errors.orderId} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={button.primary} disabled={requestReturn.isPending}>
          Send return request
        </button>
        <button type="button" className={button.secondary} onClick={onCancel}>
          Keep it
        </button>
      </div>
    </form>
  );
}
