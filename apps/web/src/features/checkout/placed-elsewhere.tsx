import { Link } from "react-router";
import { trpc } from "../../lib/trpc";
import { EmptyState } from "../ui/states";
import { button } from "../ui/styles";

/**
 * What an empty cart means at checkout. When this tab last saw the cart with items (`since`, the
 * cart's last change as the server recorded it) and the shopper's newest order was placed after
 * that, the cart was emptied by placing that order — in another tab or device — so the page says
 * so and links to it, instead of "Your cart is empty" with a lone delivery fee.
 */
export function EmptyCheckout({ since }: { since: Date | null }) {
  const latest = trpc.order.list.useQuery({ limit: 1 }, { enabled: since !== null });
  const order = latest.data?.items[0];
  if (since !== null && order && order.placedAt.getTime() >= since.getTime()) {
    return (
      <EmptyState title="This order was placed in another tab">
        <p data-testid="placed-elsewhere">
          Your cart went into order <strong className="font-mono">{order.number}</strong>, so there is nothing left to place here.
        </p>
        <Link to={`/orders/${order.id}`} className={`${button.link} mt-3 inline-block`}>
          View order {order.number}
        </Link>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="Your cart is empty">
      <Link to="/search" className={button.link}>
        Find something you like
      </Link>
    </EmptyState>
  );
}
