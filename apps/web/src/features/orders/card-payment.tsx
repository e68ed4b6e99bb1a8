import { formatMoney } from "@bbscart/core";
import { orderReturnPath } from "../../lib/checkout-key";
import { trpc } from "../../lib/trpc";
import { FormError } from "../forms/field";
import { usePaymentMeans, useStartPayment } from "../payments/start-payment";
import { serverErrors } from "../forms/field-errors";
import { button } from "../ui/styles";
import { type OrderDetail } from "./status";

/** True while a card order is waiting for the provider's webhook to confirm or refuse it. */
export const awaitingCard = (order: OrderDetail) => order.payment.method === "card" && order.status === "pending_payment";

/**
 * Paying (again) for a card order that is still unpaid, e.g. after a declined attempt, from any tab:
 * `order.payment` answers with the order's payment client secret (the same intent, never a second).
 * Named by what the provider takes ("by card" only with Stripe).
 */
export function PayAgain({ order }: { order: OrderDetail }) {
  const startPayment = useStartPayment();
  const { means } = usePaymentMeans();
  const payment = trpc.order.payment.useMutation({
    onSuccess: ({ clientSecret }) => startPayment(clientSecret, orderReturnPath(order.id)),
  });
  return (
    <div className="flex flex-col gap-2">
      <button type="button" className={button.primary} disabled={payment.isPending} onClick={() => payment.mutate({ orderId: order.id })}>
        {payment.isPending ? "Opening the payment page…" : `Pay ${formatMoney(order.total)} by ${means}`}
      </button>
      <FormError message={payment.error ? Object.values(serverErrors(payment.error)).join(" ") : undefined} />
    </div>
  );
}
