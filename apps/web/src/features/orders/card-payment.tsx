import { formatMoney } from "@bbscart/core";
import { trpc } from "../../lib/trpc";
import { cardOrderRequest, cardPaymentUrl } from "../../lib/checkout-key";
import { serverErrors } from "../forms/field-errors";
import { FormError } from "../forms/field";
import { button } from "../ui/styles";
import type { OrderDetail } from "./status";

/** True while a card order is waiting for the provider's webhook to confirm or refuse it. */
export const awaitingCard = (order: OrderDetail) => order.payment.method === "card" && order.status === "pending_payment";

/**
 * Paying (again) for a card order that is still unpaid. `order.*` has no "pay this order"
 * procedure, so this replays the checkout request that placed it (same idempotency key, same
 * body): the API answers with the same order and its payment's client secret, and no second
 * order can come of it. Only the tab that checked out still has that request.
 */
export function PayAgain({ order }: { order: OrderDetail }) {
  const request = cardOrderRequest(order.id);
  const place = trpc.order.place.useMutation({
    onSuccess: (receipt) => {
      if (receipt.clientSecret) window.location.assign(cardPaymentUrl(receipt.clientSecret, `/orders/${order.id}?paid=1`));
    },
  });
  if (!request) {
    return (
      <p className="text-sm text-slate-600">
        To pay for this order, return to the browser tab you checked out in, or cancel it and order again. Unpaid orders are cancelled automatically{" "}
        {order.expiresAt ? `at ${order.expiresAt.toLocaleTimeString("en-IN", { timeStyle: "short" })}` : "after a while"}.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <button type="button" className={button.primary} disabled={place.isPending} onClick={() => place.mutate(request)}>
        {place.isPending ? "Opening the payment page…" : `Pay ${formatMoney(order.total)} by card`}
      </button>
      <FormError message={place.error ? Object.values(serverErrors(place.error)).join(" ") : undefined} />
    </div>
  );
}
