import type { OrderStatus, PaymentStatus } from "@bbscart/core";
import { orderStatusLabel, paymentStatusLabel } from "./format";
import { Badge, type Tone } from "./ui";

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

export const OrderStatusBadge = ({ status }: { status: OrderStatus }) => <Badge tone={orderTone[status]}>{orderStatusLabel[status]}</Badge>;
export const PaymentStatusBadge = ({ status }: { status: PaymentStatus }) => <Badge tone={paymentTone[status]}>{paymentStatusLabel[status]}</Badge>;
