import { formatMoney } from "@bbscart/core";
import { refundInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { trpc } from "../../lib/trpc";
import { Field, FormError, TextAreaField } from "../forms/field";
import { fieldMessage, formText } from "../forms/field-errors";
import { useSchemaForm } from "../forms/use-schema-form";
import { ConfirmDialog } from "../ui/dialog";
import { Status } from "../ui/layout";
import { button } from "../ui/styles";
import { amountText, parseAmount } from "./amount";
import type { AdminOrder } from "./order-actions";

/** A refund as the schema passed it, waiting for the admin to confirm. */
type Refund = z.output<typeof refundInput>;
const destinationLabel = { wallet: "Store wallet (instant)", card: "Original card" } as const;

/**
 * A full or partial refund, to the destinations the API offers for this payment. Money leaving the
 * shop is irreversible, so the form asks once more with the exact amount before sending.
 */
export function RefundForm({ order }: { order: AdminOrder }) {
  const utils = trpc.useUtils();
  const refund = trpc.admin.orders.refund.useMutation({
    onSuccess: (result) => {
      utils.admin.orders.byId.setData({ orderId: order.id }, result.order);
      void utils.admin.dashboard.invalidate();
    },
  });
  const { errors, setErrors, check, send: sendChecked } = useSchemaForm(refundInput, refund);
  const [pending, setPending] = useState<Refund | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const currency = order.refundable.currency;

  if (order.refundDestinations.length === 0) return null;

  const review = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const amountMinor = parseAmount(formText(form, "amount"), currency);
    if (amountMinor === null) return setErrors({ amountMinor: fieldMessage(refundInput.shape.amountMinor, "must be an amount such as 250.00") });
    // One key per reviewed refund: sending it again (after a timeout) answers with the same refund.
    const checked = check({ orderId: order.id, amountMinor, destination: form.get("destination"), reason: form.get("reason"), idempotencyKey: crypto.randomUUID() });
    if (!checked) return;
    if (amountMinor > order.refundable.minor) return setErrors({ amountMinor: fieldMessage(refundInput.shape.amountMinor, `must be at most ${formatMoney(order.refundable)}`) });
    setDone(null);
    setPending(checked);
  };

  const send = async () => {
    if (!pending) return;
    await sendChecked(pending, (result) => setDone(`Refunded ${formatMoney(result.refund.amount)} (${result.refund.status}).`));
    setPending(null);
  };

  return (
    <>
      <form noValidate onSubmit={review} className="flex flex-col gap-3" aria-label="Refund">
        <p className="text-sm text-slate-600">
          Up to <strong className="text-slate-900">{formatMoney(order.refundable)}</strong> can still be refunded.
        </p>
        <FormError message={errors.form} />
        <Field
          label={`Amount (${currency})`}
          name="amount"
          inputMode="decimal"
          defaultValue={amountText(order.refundable.minor, currency)}
          key={order.refundable.minor}
          error={errors.amountMinor}
        />
        <fieldset className="flex flex-col gap-1.5 text-sm">
          <legend className="mb-1 font-medium text-slate-700">Refund to</legend>
          {order.refundDestinations.map((destination, i) => (
            <label key={destination} className="flex items-center gap-2">
              <input type="radio" name="destination" value={destination} defaultChecked={i === 0} /> {destinationLabel[destination]}
            </label>
          ))}
          {errors.destination && <p role="alert" className="text-red-600">{errors.destination}</p>}
        </fieldset>
        <TextAreaField label="Reason" name="reason" rows={2} error={errors.reason} />
        <button type="submit" className={button.secondary}>
          Review refund…
        </button>
        <Status message={done} />
      </form>
      <ConfirmDialog open={pending !== null} title="Confirm refund" confirmLabel="Refund" danger busy={refund.isPending} onConfirm={() => void send()} onClose={() => setPending(null)}>
        {pending && (
          <p>
            Refund <strong>{formatMoney({ minor: pending.amountMinor, currency })}</strong> to the {pending.destination === "wallet" ? "customer's wallet" : "card"}? Money
            that leaves cannot be taken back.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
