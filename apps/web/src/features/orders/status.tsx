import type { RouterOutputs } from "../../lib/trpc";
import { Badge, type Tone } from "../ui/layout";

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

/** A method's name for the shopper: "card" orders are paid through the provider, which takes more than cards unless it is Stripe. */
export function methodLabel(method: OrderDetail["payment"]["method"], cardsOnly: boolean): string {
  return method === "card" && !cardsOnly ? "Online payment" : methodLabels[method];
}

const orderTone: Record<OrderStatus, Tone> = {
  pending_payment: "amber",
  confirmed: "blue",
  packed: "blue",
  shipped: "blue",
  delivered: "teal",
  cancelled: "slate",
  return_requested: "amber",
  return_approved: "amber",
  return_rejected: "slate",
  return_received: "slate",
};

const paymentTone: Record<PaymentStatus, Tone> = {
  unpaid: "amber",
  authorized: "blue",
  paid: "teal",
  partially_refunded: "amber",
  refunded: "slate",
};

/** An order's status in the shop's words and colours, the same for shoppers and admins. */
export const OrderStatusBadge = ({ status }: { status: OrderStatus }) => <Badge tone={orderTone[status]}>{statusLabels[status]}</Badge>;
export const PaymentStatusBadge = ({ status }: { status: PaymentStatus }) => <Badge tone={paymentTone[status]}>{paymentLabels[status]}</Badge>;
