import { Link, useLocation, useSearchParams } from "react-router";
import { withNext } from "../features/auth/next-page";
import { useSession } from "../features/auth/use-session";
import { guestOrderPath } from "../features/checkout/guest-checkout";
import { FormError } from "../features/forms/field";
import { serverErrors } from "../features/forms/field-errors";
import { addressLine } from "../features/account/address-form";
import { ReceiptRows } from "../features/orders/receipt";
import { OrderStatusBadge, PaymentStatusBadge, methodLabel } from "../features/orders/status";
import { usePaymentMeans, useStartPayment } from "../features/payments/start-payment";
import { PageHeader, Panel } from "../features/ui/layout";
import { ErrorState, Loading } from "../features/ui/states";
import { button } from "../features/ui/styles";
import { trpc, type RouterOutputs } from "../lib/trpc";

type GuestOrder = RouterOutputs["guest"]["byToken"];

/**
 * A guest's order, opened by its signed link (the confirmation email's, or the one checkout and
 * "Track your order" lead to): status, the receipt rows, where it goes, and paying again for a card
 * order whose payment failed. A broken or expired link says so and points to tracking.
 */
export function GuestOrderPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  // Back from the payment page the webhook may not have confirmed yet: ask again until it has.
  const paid = params.has("paid");
  const order = trpc.guest.byToken.useQuery(
    { token },
    { enabled: token !== "", retry: false, refetchInterval: (query) => (paid && query.state.data?.status === "pending_payment" ? 2000 : false) },
  );
  if (order.error) return <ErrorState error={order.error} onRetry={order.refetch} />;
  if (!order.data) return <Loading label="Loading your order…" />;
  return <GuestOrderView order={order.data} placed={params.has("placed")} />;
}

function GuestOrderView({ order, placed }: { order: GuestOrder; placed: boolean }) {
  const { cardsOnly } = usePaymentMeans();
  return (
    <>
      <PageHeader title={`Order ${order.number}`} />
      {placed && (
        <p role="status" className="mb-4 rounded-lg bg-teal-50 p-3 text-teal-900">
          Thank you! Your order {order.number} is placed. We emailed you its confirmation with a link back to this page.
        </p>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_20rem]">
        <Panel title="What you ordered">
          <ReceiptRows receipt={order.receipt} />
        </Panel>
        <div className="flex flex-col gap-4">
          <Panel title="Status">
            <div className="flex flex-wrap gap-2" data-testid="guest-order-status">
              <OrderStatusBadge status={order.status} />
              <PaymentStatusBadge status={order.paymentStatus} />
            </div>
            <p className="mt-2 text-sm text-slate-600">Paying by {methodLabel(order.paymentMethod, cardsOnly).toLowerCase()}</p>
            {order.tracking && (
              <p className="mt-2 text-sm">
                Shipped with {order.tracking.carrier}, tracking number {order.tracking.trackingNumber}
              </p>
            )}
            {order.canPay && <GuestPayAgain order={order} />}
          </Panel>
          <ClaimOrder token={order.token} />
          <Panel title="Delivering to">
            <p className="text-sm">
              {order.address.name}
              <br />
              {addressLine(order.address)}
            </p>
          </Panel>
        </div>
      </div>
    </>
  );
}

/** Paying again for a guest's unpaid card order, with the order's link as the proof of who asks. */
function GuestPayAgain({ order }: { order: GuestOrder }) {
  const startPayment = useStartPayment();
  const { means } = usePaymentMeans();
  const payment = trpc.guest.payment.useMutation({
    onSuccess: ({ clientSecret }) => startPayment(clientSecret, `${guestOrderPath(order.token)}&paid=1`),
  });
  return (
    <div className="mt-3 flex flex-col gap-2">
      <button type="button" className={button.primary} disabled={payment.isPending} onClick={() => payment.mutate({ token: order.token })}>
        {payment.isPending ? "Opening the payment page…" : `Pay by ${means}`}
      </button>
      <FormError message={payment.error ? Object.values(serverErrors(payment.error)).join(" ") : undefined} />
    </div>
  );
}

/**
 * Keeping a guest's orders in an account (ADR 141): signed in with the email the order was placed
 * with, this page's link is the proof, and every guest order of that email joins the account.
 */
function ClaimOrder({ token }: { token: string }) {
  const session = useSession();
  const location = useLocation();
  const here = location.pathname + location.search;
  const claim = trpc.guest.claim.useMutation();
  if (session.status === "unknown") return null;
  return (
    <Panel title="Keep it in your account">
      {session.status === "anonymous" ? (
        <p className="text-sm text-slate-700">
          <Link to={withNext("/sign-in", here)} className="font-semibold text-teal-700 hover:underline">
            Sign in
          </Link>{" "}
          or{" "}
          <Link to={withNext("/register", here)} className="font-semibold text-teal-700 hover:underline">
            create an account
          </Link>{" "}
          with the email you ordered with, then add your orders to it from this page.
        </p>
      ) : claim.data ? (
        <p role="status" className="text-sm text-teal-900">
          {claim.data.claimed === 0 ? "This order is already in your account." : `Added ${claim.data.claimed} order${claim.data.claimed === 1 ? "" : "s"} to your account.`}{" "}
          <Link to="/orders" className="font-semibold text-teal-700 hover:underline">
            Your orders
          </Link>
        </p>
      ) : (
        <div className="flex flex-col gap-2">
          <button type="button" className={button.secondary} disabled={claim.isPending} onClick={() => claim.mutate({ token })}>
            {claim.isPending ? "Adding…" : "Add my orders to my account"}
          </button>
          <FormError message={claim.error ? Object.values(serverErrors(claim.error)).join(" ") : undefined} />
        </div>
      )}
    </Panel>
  );
}
