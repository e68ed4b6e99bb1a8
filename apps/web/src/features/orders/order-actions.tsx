import { orderReasonInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { trpc } from "../../lib/trpc";
import { FormError, TextAreaField } from "../forms/field";
import { formText } from "../forms/field-errors";
import { useSchemaForm } from "../forms/use-schema-form";
import { button } from "../ui/styles";
import { ReturnForm } from "./return-form";
import { type OrderDetail } from "./status";

type Kind = "cancel" | "request_return";

const labels: Record<Kind, string> = { cancel: "Cancel order", request_return: "Return items" };

/**
 * Cancel and return, offered only when `order.byId` lists them among the shopper's actions (the
 * state machine decides): cancelling asks for a reason, returning for the units of each line and
 * a reason from the list. The refreshed order replaces the old one.
 */
export function OrderActions({ order }: { order: OrderDetail }) {
  const kinds = (["cancel", "request_return"] as const).filter((kind) => order.actions.includes(kind));
  const [open, setOpen] = useState<Kind | null>(null);
  const utils = trpc.useUtils();
  const onSuccess = (next: OrderDetail) => {
    utils.order.byId.setData({ orderId: order.id }, next);
    void utils.order.list.invalidate();
    void utils.wallet.invalidate();
    setOpen(null);
  };
  const cancel = trpc.order.cancel.useMutation({ onSuccess });
  const { errors, submit: send } = useSchemaForm(orderReasonInput, cancel);
  if (kinds.length === 0) return null;
  if (open === "request_return") return <ReturnForm order={order} onDone={onSuccess} onCancel={() => setOpen(null)} />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return send({ orderId: order.id, reason: formText(new FormData(event.currentTarget), "reason") });
  };

  if (!open) {
    return (
      <div className="flex flex-wrap gap-3">
        {kinds.map((kind) => (
          <button key={kind} type="button" className={kind === "cancel" ? button.danger : button.secondary} onClick={() => setOpen(kind)}>
            {labels[kind]}
          </button>
        ))}
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-2" aria-label={labels.cancel}>
      <TextAreaField label="Why are you cancelling?" name="reason" rows={2} maxLength={500} error={errors.reason} />
      <FormError message={errors.form ?? errors.orderId} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={button.danger} disabled={cancel.isPending}>
          Cancel this order
        </button>
        <button type="button" className={button.secondary} onClick={() => setOpen(null)}>
          Keep it
        </button>
      </div>
    </form>
  );
}
