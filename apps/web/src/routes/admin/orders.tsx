import { formatMoney, ORDER_STATUSES, type OrderStatus, type PaymentStatus } from "@bbscart/core";
import { Link } from "react-router";
import { formatDateTime, orderStatusLabel, paymentStatusLabel } from "../../features/admin/format";
import { OrderStatusBadge, PaymentStatusBadge } from "../../features/admin/order-status";
import { PagedTable, PageHeader, Panel, SelectField } from "../../features/admin/ui";
import { SearchForm } from "../../features/admin/search-form";
import { useUrlTable } from "../../features/admin/url-state";
import { trpc } from "../../lib/trpc";

const PAYMENT_STATUSES = Object.keys(paymentStatusLabel) as PaymentStatus[];
const orNull = <T extends string>(value: string, allowed: readonly T[]) => ((allowed as readonly string[]).includes(value) ? (value as T) : null);

export function OrdersPage() {
  const table = useUrlTable(["status", "payment", "q"] as const);
  const { status, payment, q } = table.filters;
  const orders = trpc.admin.orders.list.useQuery({
    status: orNull<OrderStatus>(status, ORDER_STATUSES),
    paymentStatus: orNull(payment, PAYMENT_STATUSES),
    search: q,
    cursor: table.cursor,
    limit: 20,
  });


  return (
    <>
      <PageHeader title="Orders" description="Newest first. Search by the start of an order number or a customer's email." />
      <Panel title="Filters">
        <div className="grid gap-3 sm:grid-cols-[1fr_1fr_2fr]">
          <SelectField label="Status" value={status} onChange={(e) => table.setFilters({ status: e.target.value })}>
            <option value="">Any status</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {orderStatusLabel[s]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Payment" value={payment} onChange={(e) => table.setFilters({ payment: e.target.value })}>
            <option value="">Any payment status</option>
            {PAYMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {paymentStatusLabel[s]}
              </option>
            ))}
          </SelectField>
          <SearchForm value={q} placeholder="Order number or email" onSearch={(value) => table.setFilters({ q: value })} />
        </div>
      </Panel>

      <div className="mt-6">
        <PagedTable
          query={orders}
          label="orders"
          empty="No orders match these filters."
          pager={table}
          head={
            <>
              <th scope="col" className="py-2 pr-3">Order</th>
              <th scope="col" className="pr-3">Placed</th>
              <th scope="col" className="pr-3 text-right">Items</th>
              <th scope="col" className="pr-3 text-right">Total</th>
              <th scope="col" className="pr-3">Status</th>
              <th scope="col">Payment</th>
            </>
          }
        >
          {(order) => (
            <tr key={order.id} className="hover:bg-slate-50">
              <td className="py-2.5 pr-3">
                <Link to={`/admin/orders/${order.id}`} className="font-mono font-medium text-teal-700 hover:underline">
                  {order.id}
                </Link>
              </td>
              <td className="pr-3 text-slate-600">{formatDateTime(order.placedAt)}</td>
              <td className="pr-3 text-right tabular-nums">{order.itemCount}</td>
              <td className="pr-3 text-right font-medium tabular-nums">{formatMoney(order.total)}</td>
              <td className="pr-3">
                <OrderStatusBadge status={order.status} />
              </td>
              <td className="space-x-1">
                <PaymentStatusBadge status={order.payment.status} />
                <span className="text-xs uppercase text-slate-500">{order.payment.method}</span>
              </td>
            </tr>
          )}
        </PagedTable>
      </div>
    </>
  );
}
