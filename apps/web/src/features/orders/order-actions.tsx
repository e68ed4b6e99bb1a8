import { useState, type FormEvent } from "react";
import { trpc } from "../../lib/trpc";
import { formText, serverErrors } from "../forms/field-errors";
import { FormError } from "../forms/field";
import { button, input } from "../ui/styles";
import type { OrderDetail } from "./status";

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
  const [error, setError] = useState<string | undefined>();
  const utils = trpc.useUtils();
  const onSuccess = (next: OrderDetail) => {
    utils.order.byId.setData({ orderId: order.id }, next);
    void utils.order.list.invalidate();
    void utils.wallet.invalidate();
    setOpen(null);
  };
  const cancel = trpc.order.cancel.useMutation({ onSuccess });
  const requestReturn = trpc.order.requestReturn.useMutation({ onSuccess });
  if (kinds.length === 0) return null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = formText(new FormData(event.currentTarget), "reason").trim();
    if (reason.length < 3) return setError("reason must be at least 3 characters");
    setError(undefined);
    const mutation = open === "cancel" ? cancel : requestReturn;
    mutation.mutate({ orderId: order.id, reason }, { onError: (failure) => setError(Object.values(serverErrors(failure)).join(" ")) });
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
    <form onSubmit={submit} noValidate className="flex flex-col gap-2" aria-label={copy[open].open}>
      <label htmlFor="order-reason" className="text-sm font-medium text-slate-700">
        {copy[open].prompt}
      </label>
      <textarea id="order-reason" name="reason" rows={2} maxLength={500} className={input} aria-invalid={error ? true : undefined} />
      <FormError message={error} />
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
