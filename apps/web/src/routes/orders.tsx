import { formatMoney } from "@bbscart/core";
import { Link } from "react-router";
import { SignedIn } from "../features/auth/signed-in";
import { methodLabel, OrderStatusBadge } from "../features/orders/status";
import { usePaymentMeans } from "../features/payments/start-payment";
import { PageHeader } from "../features/ui/layout";
import { EmptyState, ErrorState, Loading } from "../features/ui/states";
import { button, panel } from "../features/ui/styles";
import { formatDateTime } from "../lib/format-date";
import { trpc } from "../lib/trpc";

export function OrdersPage() {
  return (
    <SignedIn>
      <PageHeader title="My orders" />
      <OrderList />
    </SignedIn>
  );
}

function OrderList() {
  const orders = trpc.order.list.useInfiniteQuery({ limit: 20 }, { getNextPageParam: (last) => last.nextCursor, initialCursor: null });
  const { cardsOnly } = usePaymentMeans();
  if (orders.error && !orders.data) return <ErrorState error={orders.error} onRetry={orders.refetch} />;
  if (!orders.data) return <Loading label="Loading your orders…" />;
  const items = orders.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState title="No orders yet">
        <Link to="/search" className={button.link}>
          Start shopping
        </Link>
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <ul className="flex flex-col gap-3" aria-label="Orders">
        {items.map((order) => (
          <li key={order.id}>
            <Link to={`/orders/${order.id}`} className={`${panel} flex flex-wrap items-center justify-between gap-3 hover:border-teal-600`} data-testid="order-row">
              <span className="flex min-w-0 flex-col">
                <span className="font-semibold">
                  {order.firstItem}
                  {order.itemCount > 1 && <span className="font-normal text-slate-500"> and {order.itemCount - 1} more</span>}
                </span>
                <span className="text-sm text-slate-500">
                  <span className="font-mono">{order.number}</span> · {formatDateTime(order.placedAt)} · {methodLabel(order.paymentMethod, cardsOnly)}
                </span>
              </span>
              <span className="flex items-center gap-3">
                <span className="font-semibold tabular-nums">{formatMoney(order.total)}</span>
                <span data-testid="order-status">
                  <OrderStatusBadge status={order.status} />
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {orders.hasNextPage && (
        <button type="button" className={`${button.secondary} self-center`} disabled={orders.isFetchingNextPage} onClick={() => void orders.fetchNextPage()}>
          {orders.isFetchingNextPage ? "Loading…" : "Show older orders"}
        </button>
      )}
    </div>
  );
}
