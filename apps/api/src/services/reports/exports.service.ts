import type { Order, User } from "@bbscart/core";
import type { adminUserListInput, orderListInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { csvChunks, customerOf, customersOf, orderCustomer, rupees, type CommerceDeps, type CsvCell } from "../common/index.js";
import { orderListQuery } from "../orders/index.js";

/** The orders view's filters, without its page position: an export walks every page itself. */
export type OrderExportQuery = Omit<z.output<typeof orderListInput>, "cursor" | "limit">;
/** The customers view's filters, likewise. */
export type CustomerExportQuery = Omit<z.output<typeof adminUserListInput>, "cursor" | "limit">;

const ORDER_HEADER = [
  "order_number",
  "placed_at",
  "status",
  "payment_method",
  "payment_status",
  "customer_name",
  "customer_email",
  "customer_phone",
  "items",
  "total",
  "currency",
  "ship_to_city",
  "ship_to_state",
  "ship_to_pin",
  "carrier",
  "tracking_number",
] as const;

const CUSTOMER_HEADER = ["email", "name", "phone", "role", "disabled", "created_at"] as const;

function orderCells(order: Order, account: User | null): CsvCell[] {
  const customer = orderCustomer(order, account);
  return [
    order.number,
    order.placedAt.toISOString(),
    order.status,
    order.payment.method,
    order.payment.status,
    customer.name,
    customer.email,
    customer.phone,
    order.lines.reduce((count, line) => count + line.quantity, 0),
    rupees(order.total),
    order.total.currency,
    order.address.city,
    order.address.state,
    order.address.postalCode,
    order.tracking?.carrier ?? null,
    order.tracking?.trackingNumber ?? null,
  ];
}

/**
 * CSV exports of the admin's orders and customers views (same filters as the lists). Each walks
 * the list's keyset pages (`pageSize` records at a time) and yields text chunks, so an export of
 * any size holds one page in memory and the HTTP edge streams it as it goes.
 */
export function exportsService({ db }: Pick<CommerceDeps, "db">) {
  async function* orderPages(query: OrderExportQuery, pageSize: number) {
    let cursor: string | null = null;
    do {
      const page = await db.repos.orders.list({ ...orderListQuery(query), cursor, limit: pageSize });
      const customers = await customersOf(db.repos.users, page.items);
      yield page.items.map((order) => ({ order, customer: customerOf(customers, order) }));
      cursor = page.nextCursor;
    } while (cursor !== null);
  }

  async function* customerPages(query: CustomerExportQuery, pageSize: number) {
    let cursor: string | null = null;
    do {
      const page = await db.repos.users.list({ ...query, cursor, limit: pageSize });
      yield page.items;
      cursor = page.nextCursor;
    } while (cursor !== null);
  }

  return {
    orders: (query: OrderExportQuery, pageSize: number) => csvChunks(ORDER_HEADER, orderPages(query, pageSize), ({ order, customer }) => orderCells(order, customer)),
    customers: (query: CustomerExportQuery, pageSize: number) =>
      csvChunks(CUSTOMER_HEADER, customerPages(query, pageSize), (user) => [user.email, user.name, user.phone, user.role, user.disabled ? "yes" : "no", user.createdAt.toISOString()]),
  };
}

export type ExportsService = ReturnType<typeof exportsService>;
