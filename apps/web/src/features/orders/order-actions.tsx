import { orderReasonInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { trpc } from "../../lib/trpc";
import { FormError, TextAreaField } from "../forms/field";
import { formText } from "../forms/field-errors";
import { useSchemaForm } from "../forms/use-schema-form";
import { button } from "../ui/styles";
import { type OrderDetail } from "./status";

type Kind = "cancel" | "request_return";

const copy: Record<Kind, { open: string; confirm: string; prompt: string }> = {
  cancel: { open: "Cancel order", confirm: "Cancel this order", prompt: "Why are you cancelling?" },
  request_return: { open: "Request a return", confirm: "Send return request", prompt: "What is wrong with the items?" },
};

/**
 * Cancel and return, offered only when `order.byId` lists them among the shopper's actions (the
 * state machine decides); each asks for a reason, and the refreshed order replaces the old one.
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
  const requestReturn = trpc.order.requestReturn.useMutation({ onSuccess });
  // Both take the same input; the open form decides which one is sent.
  const { errors, submit: send } = useSchemaForm(orderReasonInput, {
    mutateAsync: (input) => (open === "cancel" ? cancel : requestReturn).mutateAsync(input),
  });
  if (kinds.length === 0) return null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return send({ orderId: order.id, reason: formText(new FormData(event.currentTarget), "reason") });
  };

  if (!open) {
    return (
      <div className="flex flex-wrap gap-3">
        {kinds.map((kind) => (
          <button key={kind} type="button" className={kind === "cancel" ? button.danger : button.secondary} onClick={() => setOpen(kind)}>
            {copy[kind].open}
          </button>
        ))}
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-2" aria-label={copy[open].open}>
      <TextAreaField label={copy[open].prompt} name="reason" rows={2} maxLength={500} error={errors.reason} />
      <FormError message={errors.form ?? errors.orderId} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={open === "cancel" ? button.danger : button.primary} disabled={cancel.isPending || requestReturn.isPending}>
          {copy[open].confirm}
        </button>
        <button type="button" className={button.secondary} onClick={() => setOpen(null)}>
          Keep it
        </button>
      </div>
    </form>
  );
}
