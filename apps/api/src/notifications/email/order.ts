import { receiptOf, type Order, type Receipt } from "@bbscart/core";

/** What an order email shows of its order: the same rows as the order page, and the way back to it. */
export interface EmailOrder {
  readonly number: string;
  readonly receipt: Receipt;
  readonly link: string;
}

/** The shopper's page for an order. */
export function orderLink(publicUrl: string, orderId: string): string {
  return `${publicUrl}/orders/${encodeURIComponent(orderId)}`;
}

export function emailOrderOf(order: Order, publicUrl: string): EmailOrder {
  return { number: order.number, receipt: receiptOf(order), link: orderLink(publicUrl, order.id) };
}
