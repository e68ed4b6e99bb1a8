import { useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { addressLine } from "../features/account/address-form";
import { SignedIn } from "../features/auth/signed-in";
import { awaitingCard, PayAgain } from "../features/orders/card-payment";
import { OrderDocuments } from "../features/orders/documents";
import { OrderActions } from "../features/orders/order-actions";
import { ReturnsPanel } from "../features/orders/returns";
import { ReceiptRows } from "../features/orders/receipt";
import { CheckoutAnswer, checkoutDeclined } from "../features/payments/checkout-answer";
import { usePaymentMeans } from "../features/payments/start-payment";
import { methodLabel, paymentLabels, OrderStatusBadge, type OrderDetail } from "../features/orders/status";
import { OrderProgress, OrderTimeline } from "../features/orders/timeline";
import { Panel } from "../features/ui/layout";
import { ErrorState, Loading } from "../features/ui/states";
import { formatDateTime } from "../lib/format-date";
import { trpc } from "../lib/trpc";

export function OrderPage() {
  return (
    <SignedIn>
      <OrderView />
    </SignedIn>
  );
}

/** How long the return page waits for the webhook before saying it is taking longer than usual. */
const patienceMs = 90_000;

/**
 * One order: confirmation after checkout (`?placed=1`), the card return page (`?paid=1`, with the
 * provider's `redirect_status`), and the order's status, timeline and actions. On return from the
 * card page it never changes the order: it polls `order.byId` until the webhook-driven state shows.
 */
function OrderView() {
  const { orderId = "" } = useParams();
  const [params] = useSearchParams();
  const returnedFromCard = params.get("paid") === "1";
  const declined = returnedFromCard && (["failed", "requires_payment_method", "canceled"].includes(params.get("redirect_status") ?? "") || checkoutDeclined(params));
  const [patient, setPatient] = useState(true);
  useEffect(() => {
    if (!returnedFromCard) return;
    const timer = setTimeout(() => setPatient(false), patienceMs);
    return () => clearTimeout(timer);
  }, [returnedFromCard]);
  const { cardsOnly } = usePaymentMeans();
  const order = trpc.order.byId.useQuery(
    { orderId },
    {
      refetchInterval: (query) => {
        const data = query.state.data;
        return returnedFromCard && !declined && patient && data && awaitingCard(data) ? 1_000 : false;
      },
    },
  );
  if (order.error && !order.data) return <ErrorState error={order.error} onRetry={order.refetch} title="We could not load this order" />;
  if (!order.data) return <Loading label="Loading your order…" />;
  const data = order.data;
  return (
    <div className="flex flex-col gap-6">
      <Banner order={data} placed={params.get("placed") === "1"} returnedFromCard={returnedFromCard} declined={declined} patient={patient} />
      <CheckoutAnswer orderId={data.id} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Order <span data-testid="order-number">{data.number}</span></h1>
          <p className="text-sm text-slate-500">Placed {formatDateTime(data.placedAt)}</p>
        </div>
        <span data-testid="order-status">
          <OrderStatusBadge status={data.status} />
        </span>
      </div>
      <OrderProgress order={data} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-6">
          <Panel title="Items">
            <ReceiptRows receipt={data.receipt} />
          </Panel>
          {data.returns.length > 0 && (
            <Panel title="Returns">
              <ReturnsPanel returned={data.returned} returns={data.returns} />
            </Panel>
          )}
          <Panel title="Timeline">
            <OrderTimeline order={data} />
          </Panel>
        </div>
        <aside className="flex flex-col gap-6">
          <Panel title="Delivery">
            <p className="text-sm">{data.address.name}</p>
            <p className="text-sm text-slate-600">{addressLine(data.address)}</p>
            {data.tracking ? (
              <p className="mt-3 text-sm" data-testid="tracking">
                Shipped with <strong>{data.tracking.carrier}</strong>, tracking number <strong className="font-mono">{data.tracking.trackingNumber}</strong>
              </p>
            ) : (
              <p className="mt-3 text-sm text-slate-500">The tracking number appears here once the order ships.</p>
            )}
          </Panel>
          <Panel title="Payment">
            <p className="text-sm">
              {methodLabel(data.payment.method, cardsOnly)} · <span data-testid="payment-status">{paymentLabels[data.payment.status]}</span>
            </p>
            {awaitingCard(data) && (!returnedFromCard || declined) && (
              <div className="mt-3">
                <PayAgain order={data} />
              </div>
            )}
          </Panel>
          <Panel title="Tax invoice">
            <OrderDocuments orderId={data.id} />
          </Panel>
          <OrderActions order={data} />
        </aside>
      </div>
      <Link to="/orders" className="font-semibold text-teal-700 hover:underline">
        ← All my orders
      </Link>
    </div>
  );
}

/** What just happened, in one sentence, announced to screen readers as it changes. */
function Banner({ order, placed, returnedFromCard, declined, patient }: { order: OrderDetail; placed: boolean; returnedFromCard: boolean; declined: boolean; patient: boolean }) {
  const { means, cardsOnly } = usePaymentMeans();
  let tone = "border-emerald-200 bg-emerald-50 text-emerald-900";
  let message: string | null = null;
  if (returnedFromCard && declined && awaitingCard(order)) {
    tone = "border-red-200 bg-red-50 text-red-900";
    // Razorpay's declines are as often a UPI request refused or timed out as a card: never "your card" there.
    message = cardsOnly
      ? "Your card was declined. Your order is kept for you: try again with another card below."
      : `Your payment was declined. Your order is kept for you: try again below, by ${means}.`;
  } else if (returnedFromCard && awaitingCard(order)) {
    tone = "border-sky-200 bg-sky-50 text-sky-900";
    message = patient
      ? "Confirming your payment with the bank… this page updates by itself."
      : "Your payment is taking longer than usual to confirm. You can leave this page: we will email you when it does.";
  } else if ((returnedFromCard || placed) && order.status === "confirmed") {
    message = "Thank you! Your order is confirmed.";
  } else if (placed && order.status === "pending_payment") {
    tone = "border-amber-200 bg-amber-50 text-amber-900";
    message = "Your order is placed and waiting for payment.";
  }
  return (
    <div aria-live="polite" role="status" data-testid="order-banner">
      {message && <p className={`rounded-2xl border px-4 py-3 font-medium ${tone}`}>{message}</p>}
    </div>
  );
}
