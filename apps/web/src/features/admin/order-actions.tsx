import type { OrderEventType } from "@bbscart/core";
import { orderTransitionInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { trpc, type RouterInputs, type RouterOutputs } from "../../lib/trpc";
import { Field, FormError, TextAreaField } from "../forms/field";
import { formText } from "../forms/field-errors";
import { useSchemaForm } from "../forms/use-schema-form";
import { Dialog } from "../ui/dialog";
import { Status } from "../ui/layout";
import { button } from "../ui/styles";
import { orderStatusLabel } from "./format";
import { ReturnApproval } from "./return-approval";

export type AdminOrder = RouterOutputs["admin"]["orders"]["byId"];
type OrderEvent = RouterInputs["admin"]["orders"]["transition"]["event"];

/** What each button says and whether it needs a form or a second look before it happens. */
const actions: Partial<Record<OrderEventType, { label: string; dialog: "none" | "confirm" | "ship" | "reason" | "restock" | "approve"; danger?: boolean; explain?: string }>> = {
  pack: { label: "Mark packed", dialog: "none" },
  ship: { label: "Ship…", dialog: "ship" },
  deliver: { label: "Mark delivered", dialog: "confirm", explain: "The return window starts now. This cannot be undone." },
  cancel: { label: "Cancel order…", dialog: "reason", danger: true, explain: "The stock is released and anything paid is refunded. This cannot be undone." },
  approve_return: { label: "Approve return…", dialog: "approve" },
  reject_return: { label: "Reject return…", dialog: "reason", danger: true, explain: "The customer keeps the items and gets no refund for this return. This cannot be undone." },
  receive_return: { label: "Receive return…", dialog: "restock", explain: "Record that the items arrived: the approved amount is refunded now." },
};

/**
 * Buttons for exactly the events the API lists in `availableEvents` — the state machine's answer
 * for this order and this admin — so the console never offers a transition the API would refuse.
 */
export function OrderActions({ order }: { order: AdminOrder }) {
  const utils = trpc.useUtils();
  const transition = trpc.admin.orders.transition.useMutation({
    onSuccess: (updated) => {
      utils.admin.orders.byId.setData({ orderId: order.id }, updated);
      void utils.admin.orders.list.invalidate();
      void utils.admin.dashboard.invalidate();
    },
  });
  const [open, setOpen] = useState<OrderEventType | null>(null);
  const { errors, setErrors, submit: send } = useSchemaForm(orderTransitionInput, transition);
  const [done, setDone] = useState<string | null>(null);

  const events = order.availableEvents.filter((event) => actions[event]);
  if (events.length === 0) return <p className="text-sm text-slate-500">No action is open for this order now.</p>;

  const run = (event: OrderEvent) =>
    send({ orderId: order.id, event }, (updated) => {
      setOpen(null);
      setDone(`Done: the order is now ${orderStatusLabel[updated.status].toLowerCase()}.`);
    });

  const submit = (type: OrderEventType) => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (name: string) => formText(form, name);
    const event = {
      ship: { type: "ship", carrier: text("carrier"), trackingNumber: text("trackingNumber") },
      receive_return: { type: "receive_return", restock: text("restock") === "yes" },
      cancel: { type: "cancel", reason: text("reason") },
      reject_return: { type: "reject_return", reason: text("reason") },
    }[type as string] ?? { type };
    void run(event as OrderEvent);
  };

  const current = open ? actions[open]! : null;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        {events.map((event) => {
          const action = actions[event]!;
          return (
            <button
              key={event}
              type="button"
              disabled={transition.isPending}
              className={action.danger ? button.danger : action.dialog === "none" ? button.primary : button.secondary}
              onClick={() => {
                setErrors({});
                setDone(null);
                if (action.dialog === "none") void run({ type: event } as OrderEvent);
                else setOpen(event);
              }}
            >
              {action.label}
            </button>
          );
        })}
      </div>
      {!open && <FormError message={errors.form} />}
      <Status message={done} />
      <Dialog open={open !== null} title={current?.label.replace("…", "") ?? ""} onClose={() => setOpen(null)}>
        {open && current?.dialog === "approve" && (
          <ReturnApproval order={order} errors={errors} setErrors={setErrors} busy={transition.isPending} onApprove={(event) => void run(event)} onBack={() => setOpen(null)} />
        )}
        {open && current && current.dialog !== "approve" && (
          <form noValidate onSubmit={submit(open)} className="flex flex-col gap-4">
            {current.explain && <p className="text-sm text-slate-600">{current.explain}</p>}
            <FormError message={errors.form ?? errors.event} />
            {current.dialog === "ship" && (
              <>
                <Field label="Carrier" name="carrier" required autoFocus error={errors["event.carrier"]} />
                <Field label="Tracking number" name="trackingNumber" required error={errors["event.trackingNumber"]} />
              </>
            )}
            {current.dialog === "reason" && <TextAreaField label="Reason (the customer sees it)" name="reason" required autoFocus error={errors["event.reason"]} />}
            {current.dialog === "restock" && (
              <fieldset className="flex flex-col gap-2 text-sm">
                <legend className="mb-1 font-medium text-slate-700">Put the items back on sale?</legend>
                <label className="flex items-center gap-2">
                  <input type="radio" name="restock" value="yes" defaultChecked /> Yes, they are in sellable condition
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name="restock" value="no" /> No, write them off
                </label>
              </fieldset>
            )}
            <div className="flex justify-end gap-2">
              <button type="button" className={button.secondary} onClick={() => setOpen(null)}>
                Back
              </button>
              <button type="submit" className={current.danger ? button.danger : button.primary} disabled={transition.isPending}>
                {transition.isPending ? "Please wait…" : current.label.replace("…", "")}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </div>
  );
}
