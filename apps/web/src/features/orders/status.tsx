import type { RouterOutputs } from "../../lib/trpc";

export type OrderDetail = RouterOutputs["order"]["byId"];
export type OrderStatus = OrderDetail["status"];
type PaymentStatus = OrderDetail["payment"]["status"];

export const statusLabels: Record<OrderStatus, string> = {
  pending_payment: "Awaiting payment",
  confirmed: "Confirmed",
  packed: "Packed",
  shipped: "Shipped",
  delivered: "Delivered",
  cancelled: "Cancelled",
  return_requested: "Return requested",
  return_approved: "Return approved",
  return_rejected: "Return rejected",
  return_received: "Return received",
};

export const paymentLabels: Record<PaymentStatus, string> = {
  unpaid: "Not paid",
  authorized: "Authorised",
  paid: "Paid",
  partially_refunded: "Partly refunded",
  refunded: "Refunded",
};

export const methodLabels: Record<OrderDetail["payment"]["method"], string> = {
  wallet: "Wallet",
  card: "Card",
  cod: "Cash on delivery",
};

const tone: Partial<Record<OrderStatus, string>> = {
  pending_payment: "bg-amber-100 text-amber-900",
  cancelled: "bg-slate-200 text-slate-700",
  delivered: "bg-emerald-100 text-emerald-900",
  return_rejected: "bg-red-100 text-red-800",
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${tone[status] ?? "bg-teal-100 text-teal-900"}`} data-testid="order-status">
      {statusLabels[status]}
    </span>
  );
}

export const formatDate = (date: Date) => date.toLocaleString("en-IN", { dateStyle: "medium", timeStyle: "short" });
