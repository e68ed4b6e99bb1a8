import { formatMoney, ORDER_STATUSES, ORDER_VIEW_STATUSES, ORDER_VIEWS, PAYMENT_METHODS, PAYMENT_STATUSES, type OrderStatus } from "@bbscart/core";
import { orderListInput } from "@bbscart/core/schemas";
import { useState } from "react";
import { Link } from "react-router";
import { downloadCsv } from "../../features/admin/download-csv";
import { TaxRegisters } from "../../features/admin/tax-registers";
import { dayAfter, dayStart, orderStatusLabel, paymentChannelLabel, paymentMethodLabel, paymentStatusLabel } from "../../features/admin/format";
import { OrderFulfilment } from "../../features/admin/order-fulfilment";
import { SearchForm } from "../../features/admin/search-form";
import { useUrlTable } from "../../features/admin/url-state";
import { Field, FormError, SelectField } from "../../features/forms/field";
import { validate } from "../../features/forms/field-errors";
import { OrderStatusBadge, PaymentStatusBadge } from "../../features/orders/status";
import { PageHeader, Panel, Status } from "../../features/ui/layout";
import { EmptyState } from "../../features/ui/states";
import { button } from "../../features/ui/styles";
import { PagedTable } from "../../features/ui/table";
import { formatDateTime } from "../../lib/format-date";
import { trpc } from "../../lib/trpc";
import { SelectAllHeader, SelectRow, useSelection } from "../../features/ui/selection";

/**
 * One-click views of the orders that need someone: "Needs attention" (`?view=needs_attention`) is
 * every status waiting on the shop at once, the others one status each. Each is a URL like any
 * filter, so it can be bookmarked and shared.
 */
const ATTENTION_VIEWS: readonly { label: string; status: OrderStatus }[] = [
  { label: "Awaiting packing", status: "confirmed" },
  { label: "Packed, to ship", status: "packed" },
  { label: "Return requested", status: "return_requested" },
];

const orNull = <T extends string>(value: string, allowed: readonly T[]) => ((allowed as readonly string[]).includes(value) ? (value as T) : null);

export function OrdersPage() {
  const table = useUrlTable(["view", "status", "payment", "method", "from", "to", "userId", "q"] as const);
  const { view, status, payment, method, from, to, userId, q } = table.filters;
  // Checked with the API's own schema first, so a backwards date range is explained beside the field.
  const input = validate(orderListInput, {
    view: orNull(view, ORDER_VIEWS),
    status: orNull<OrderStatus>(status, ORDER_STATUSES),
    paymentStatus: orNull(payment, PAYMENT_STATUSES),
    paymentMethod: orNull(method, PAYMENT_METHODS),
    userId: userId || null,
    placedFrom: dayStart(from),
    placedTo: dayAfter(to),
    search: q,
    cursor: table.cursor,
    limit: 20,
  });
  const orders = trpc.admin.orders.list.useQuery(input.ok ? input.value : orderListInput.parse({}), { enabled: input.ok });
  const errors = input.ok ? {} : input.errors;
  const utils = trpc.useUtils();
  const selection = useSelection();
  const [message, setMessage] = useState<string | null>(null);
  const [failures, setFailures] = useState<readonly string[]>([]);
  const [exportError, setExportError] = useState<string | undefined>();
  const everyFilterCleared = { view: "", status: "", payment: "", method: "", from: "", to: "", userId: "", q: "" };
  const needsAttention = ORDER_VIEW_STATUSES.needs_attention.map((s) => orderStatusLabel[s].toLowerCase()).join(", ");
  const shown = orders.data?.items ?? [];
  const selectable = shown.filter((o) => o.availableEvents.includes("pack") || o.availableEvents.includes("ship"));
  /** The current view as CSV: the same filters the list uses, every page of them. */
  const exportCsv = () => {
    if (!input.ok) return;
    const { cursor: _cursor, limit: _limit, ...filters } = input.value;
    const query = Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));
    setExportError(undefined);
    downloadCsv("/api/admin/exports/orders.csv", query).catch((failure: Error) => setExportError(failure.message));
  };

  return (
    <>
      <PageHeader title="Orders" description="Newest first. Search by the start of an order number or a customer's email." />
      <nav aria-label="Saved views" className="mb-4 flex flex-wrap items-center gap-2">
        <button
          type="button"
          aria-pressed={view === "needs_attention"}
          title={`Orders ${needsAttention}`}
          className={button.secondary}
          onClick={() => table.setFilters({ ...everyFilterCleared, view: "needs_attention" })}
        >
          Needs attention
        </button>
        {ATTENTION_VIEWS.map((shortcut) => (
          <button
            key={shortcut.status}
            type="button"
            aria-pressed={!view && status === shortcut.status}
            className={button.secondary}
            onClick={() => table.setFilters({ ...everyFilterCleared, status: shortcut.status })}
          >
            {shortcut.label}
          </button>
        ))}
        <button type="button" className={`${button.secondary} ml-auto`} onClick={exportCsv} disabled={!input.ok}>
          Export CSV
        </button>
      </nav>
      <FormError message={exportError} />
      <Panel title="Filters">
        {view === "needs_attention" && (
          <p className="mb-3 rounded-lg bg-teal-50 px-3 py-2 text-sm text-teal-900" aria-live="polite">
            Needs attention: orders {needsAttention}.
          </p>
        )}
        {userId && (
          <p className="mb-3 flex flex-wrap items-center gap-3 rounded-lg bg-teal-50 px-3 py-2 text-sm text-teal-900" aria-live="polite">
            <span>
              Orders of one customer <span className="font-mono text-xs">{userId}</span>
            </span>
            <button type="button" className="font-medium text-teal-700 underline" onClick={() => table.setFilters({ userId: "" })}>
              Show every customer
            </button>
          </p>
        )}
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
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
          <SelectField label="Payment method" value={method} onChange={(e) => table.setFilters({ method: e.target.value })}>
            <option value="">Any method</option>
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {paymentMethodLabel[m]}
              </option>
            ))}
          </SelectField>
          <Field label="Placed from" type="date" value={from} max={to || undefined} error={errors.placedFrom} onChange={(e) => table.setFilters({ from: e.target.value })} />
          <Field label="Placed to" type="date" value={to} min={from || undefined} error={errors.placedTo} onChange={(e) => table.setFilters({ to: e.target.value })} />
          <SearchForm value={q} placeholder="Order number, email or phone" onSearch={(value) => table.setFilters({ q: value })} />
        </div>
        {Object.values(table.filters).some(Boolean) && (
          <button type="button" className={`${button.secondary} mt-3`} onClick={() => table.setFilters(everyFilterCleared)}>
            Clear filters
          </button>
        )}
      </Panel>

      <Status message={message} />
      {failures.length > 0 && (
        <ul role="alert" className="mt-2 list-disc rounded-lg bg-red-50 px-6 py-2 text-sm text-red-700">
          {failures.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {selection.selected.length > 0 && (
        <div className="mt-4">
          <OrderFulfilment
            orders={shown.filter((o) => selection.has(o.id))}
            onDone={(text, failed) => {
              setMessage(text);
              setFailures(failed);
              selection.set([]);
              void utils.admin.orders.list.invalidate();
            }}
          />
        </div>
      )}
      <div className="mt-6">
        {!input.ok ? (
          <EmptyState title="Correct the filters above to see orders." />
        ) : (
          <PagedTable
            query={orders}
            label="orders"
            empty="No orders match these filters."
            pager={table}
            head={
              <>
                <SelectAllHeader label="Select every order on this page that can be packed or shipped" ids={selectable.map((o) => o.id)} selection={selection} />
                <th scope="col" className="py-2 pr-3">Order</th>
                <th scope="col" className="pr-3">Placed</th>
                <th scope="col" className="pr-3">Customer</th>
                <th scope="col" className="pr-3 text-right">Items</th>
                <th scope="col" className="pr-3 text-right">Total</th>
                <th scope="col" className="pr-3">Payment</th>
                <th scope="col" className="pr-3">Fulfilment</th>
                <th scope="col">
                  <span className="sr-only">Packing slip</span>
                </th>
              </>
            }
          >
            {(order) => (
              <tr key={order.id} className="hover:bg-slate-50">
                <td className="py-2.5 pr-3">
                  {selectable.includes(order) && <SelectRow label={`Select ${order.number}`} id={order.id} selection={selection} />}
                </td>
                <td className="py-2.5 pr-3">
                  <Link to={`/admin/orders/${order.id}`} className="font-mono font-medium text-teal-700 hover:underline">
                    {order.number}
                  </Link>
                </td>
                <td className="pr-3 text-slate-600">{formatDateTime(order.placedAt)}</td>
                <td className="pr-3">
                  <span className="block font-medium">{order.customer.name}</span>
                  <span className="block text-xs text-slate-600">{order.customer.email ?? order.customer.phone}</span>
                </td>
                <td className="pr-3 text-right tabular-nums">{order.itemCount}</td>
                <td className="pr-3 text-right font-medium tabular-nums">{formatMoney(order.total)}</td>
                <td className="space-x-1 pr-3">
                  <span className="text-xs text-slate-600">{paymentChannelLabel[order.payment.channel]}</span>
                  <PaymentStatusBadge status={order.payment.status} />
                </td>
                <td className="pr-3">
                  <OrderStatusBadge status={order.status} />
                </td>
                <td>
                  <Link to={`/admin/orders/${order.id}/slip`} className="text-sm text-teal-700 hover:underline">
                    Packing slip
                  </Link>
                </td>
              </tr>
            )}
          </PagedTable>
        )}
      </div>
      <div className="mt-6">
        <TaxRegisters />
      </div>
    </>
  );
}
