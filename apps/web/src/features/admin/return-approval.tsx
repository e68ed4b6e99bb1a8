import { formatMoney } from "@bbscart/core";
import { refundInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { trpc, type RouterInputs, type RouterOutputs } from "../../lib/trpc";
import { Field, FormError, TextAreaField } from "../forms/field";
import type { FieldErrors } from "../forms/field-errors";
import { fieldMessage, formText } from "../forms/field-errors";
import { button } from "../ui/styles";
import { amountText, parseAmount } from "./amount";

type AdminOrder = RouterOutputs["admin"]["orders"]["byId"];
type ApproveEvent = Extract<RouterInputs["admin"]["orders"]["transition"]["event"], { type: "approve_return" }>;
const destinationLabel = { wallet: "Store wallet (instant)", card: "Original card" } as const;

/**
 * Approving the open return line by line. The amount shown is core's, asked again as lines are
 * ticked (`admin.orders.returnQuote`): what those units paid after their share of the coupon, with
 * delivery only when this return completes the order. The admin may override it, with a reason the
 * audit log keeps. Nothing is refunded until the units arrive ("Receive return").
 */
export function ReturnApproval({
  order,
  errors,
  busy,
  onApprove,
  onBack,
  setErrors,
}: {
  order: AdminOrder;
  errors: FieldErrors;
  busy: boolean;
  onApprove: (event: ApproveEvent) => void;
  onBack: () => void;
  setErrors: (errors: FieldErrors) => void;
}) {
  const open = order.returns.find((r) => r.status === "requested");
  const [approve, setApprove] = useState<string[]>(open ? open.lines.map((l) => l.variantId) : []);
  const [override, setOverride] = useState(false);
  const quote = trpc.admin.orders.returnQuote.useQuery({ orderId: order.id, approve }, { enabled: approve.length > 0 });
  if (!open) return null;
  const currency = order.currency;
  const nameOf = (variantId: string) => order.lines.find((l) => l.variantId === variantId)?.name ?? variantId;
  const destinations = order.refundDestinations.length > 0 ? order.refundDestinations : (["wallet"] as const);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    let amountMinor: number | null = null;
    if (override) {
      amountMinor = parseAmount(formText(form, "overrideAmount"), currency);
      if (amountMinor === null) return setErrors({ "event.override.amountMinor": fieldMessage(refundInput.shape.amountMinor, "must be an amount such as 250.00") });
    }
    onApprove({
      type: "approve_return",
      lines: open.lines.map((l) => ({ variantId: l.variantId, approve: approve.includes(l.variantId) })),
      destination: formText(form, "destination") as ApproveEvent["destination"],
      override: override && amountMinor !== null ? { amountMinor, reason: formText(form, "overrideReason") } : null,
    });
  };

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4" aria-label="Approve return">
      <p className="text-sm text-slate-600">
        Return {open.id}: tick the lines you accept. The customer is refunded when the items arrive.
      </p>
      <FormError message={errors.form ?? errors.event ?? errors["event.lines"] ?? errors["event.override"]} />
      <fieldset className="flex flex-col gap-2 text-sm">
        <legend className="mb-1 font-medium text-slate-700">Lines</legend>
        {open.lines.map((line) => {
          const priced = quote.data?.lines.find((q) => q.variantId === line.variantId);
          return (
            <label key={line.variantId} className="flex items-center justify-between gap-3" data-testid="approve-line">
              <span className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="approve"
                  value={line.variantId}
                  checked={approve.includes(line.variantId)}
                  onChange={(e) => setApprove(e.target.checked ? [...approve, line.variantId] : approve.filter((v) => v !== line.variantId))}
                />
                {nameOf(line.variantId)} × {line.quantity}
              </span>
              <span className="tabular-nums text-slate-600">{priced ? formatMoney(priced.amount) : "—"}</span>
            </label>
          );
        })}
      </fieldset>
      {approve.length > 0 && quote.data && (
        <dl className="flex flex-col gap-1 border-t border-slate-200 pt-2 text-sm">
          <div className="flex justify-between">
            <dt className="text-slate-600">Delivery</dt>
            <dd className="tabular-nums">{formatMoney(quote.data.delivery)}</dd>
          </div>
          <div className="flex justify-between font-semibold">
            <dt>Computed refund</dt>
            <dd className="tabular-nums" data-testid="computed-refund" data-minor={quote.data.total.minor}>
              {formatMoney(quote.data.total)}
            </dd>
          </div>
        </dl>
      )}
      <fieldset className="flex flex-col gap-1.5 text-sm">
        <legend className="mb-1 font-medium text-slate-700">Refund to</legend>
        {destinations.map((destination, i) => (
          <label key={destination} className="flex items-center gap-2">
            <input type="radio" name="destination" value={destination} defaultChecked={i === 0} /> {destinationLabel[destination]}
          </label>
        ))}
        {errors["event.destination"] && <p role="alert" className="text-red-600">{errors["event.destination"]}</p>}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} /> Refund a different amount
      </label>
      {override && (
        <>
          <Field
            label={`Amount (${currency})`}
            name="overrideAmount"
            inputMode="decimal"
            defaultValue={quote.data ? amountText(quote.data.total.minor, currency) : ""}
            error={errors["event.override.amountMinor"]}
          />
          <TextAreaField label="Why (kept in the audit log)" name="overrideReason" rows={2} required error={errors["event.override.reason"]} />
        </>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" className={button.secondary} onClick={onBack}>
          Back
        </button>
        <button type="submit" className={button.primary} disabled={busy || approve.length === 0}>
          {busy ? "Please wait…" : "Approve return"}
        </button>
      </div>
    </form>
  );
}
