import { formatMoney } from "@bbscart/core";
import { formatDateTime } from "../../lib/format-date";
import { statusLabels, type OrderDetail, type OrderStatus } from "./status";

const path: OrderStatus[] = ["pending_payment", "confirmed", "packed", "shipped", "delivered"];

/** The usual road of an order with how far this one has come (hidden once it leaves that road). */
export function OrderProgress({ order }: { order: OrderDetail }) {
  const reached = path.indexOf(order.status);
  if (reached < 0) return null;
  return (
    <ol className="grid grid-cols-5 gap-1 text-center text-xs sm:text-sm" aria-label="Order progress">
      {path.map((step, index) => (
        <li key={step} className="flex flex-col items-center gap-1" aria-current={index === reached ? "step" : undefined}>
          <span className={`h-2 w-full rounded-full ${index <= reached ? "bg-teal-600" : "bg-slate-200"}`} aria-hidden="true" />
          <span className={index <= reached ? "font-semibold text-slate-900" : "text-slate-500"}>
            {step === "pending_payment" ? "Placed" : statusLabels[step]}
            <span className="sr-only">{index <= reached ? " (done)" : " (to come)"}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

const paymentEvents = { captured: "Payment received", failed: "Payment failed", refunded: "Refund issued" } as const;

function entryText(entry: OrderDetail["history"][number]): string {
  if (entry.kind === "payment") return `${paymentEvents[entry.event]}${entry.amount ? ` · ${formatMoney(entry.amount)}` : ""}`;
  return entry.event === "place" ? "Order placed" : statusLabels[entry.to];
}

/** Everything that happened to the order, newest first, with who and when. */
export function OrderTimeline({ order }: { order: OrderDetail }) {
  const entries = [...order.history].reverse();
  return (
    <ol className="relative flex flex-col gap-4 border-l-2 border-slate-200 pl-5" data-testid="order-timeline">
      {entries.map((entry, index) => (
        <li key={index} className="relative">
          <span className="absolute -left-[1.72rem] top-1 h-3 w-3 rounded-full border-2 border-white bg-teal-600" aria-hidden="true" />
          <p className="font-medium">{entryText(entry)}</p>
          <p className="text-sm text-slate-500">
            <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>
            {entry.note && ` · ${entry.note}`}
          </p>
        </li>
      ))}
    </ol>
  );
}
