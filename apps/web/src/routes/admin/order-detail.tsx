import { formatMoney } from "@bbscart/core";
import { Link, useParams } from "react-router";
import { orderStatusLabel } from "../../features/admin/format";
import { OrderActions, type AdminOrder } from "../../features/admin/order-actions";
import { ProviderPayment } from "../../features/admin/provider-link";
import { RefundForm } from "../../features/admin/refund-form";
import { OrderDocuments } from "../../features/orders/documents";
import { ReceiptRows } from "../../features/orders/receipt";
import { ReturnsPanel } from "../../features/orders/returns";
import { OrderStatusBadge, PaymentStatusBadge } from "../../features/orders/status";
import { Badge, PageHeader, Panel } from "../../features/ui/layout";
import { QueryView } from "../../features/ui/states";
import { button } from "../../features/ui/styles";
import { Table } from "../../features/ui/table";
import { formatDateTime } from "../../lib/format-date";
import { trpc } from "../../lib/trpc";

export function OrderDetailPage() {
  const { orderId = "" } = useParams();
  const order = trpc.admin.orders.byId.useQuery({ orderId });
  return (
    <QueryView query={order} label="the order">
      {(data) => <OrderView order={data} />}
    </QueryView>
  );
}

function OrderView({ order }: { order: AdminOrder }) {
  return (
    <>
      <Link to="/admin/orders" className="text-sm font-medium text-teal-700 hover:underline">
        ← All orders
      </Link>
      <PageHeader
        title={`Order ${order.number}`}
        description={`Placed ${formatDateTime(order.placedAt)}${order.customer ? ` by ${order.customer.name} (${order.customer.email})` : ""}`}
        actions={
          <div className="flex items-center gap-2" data-testid="order-status">
            <OrderStatusBadge status={order.status} />
            <PaymentStatusBadge status={order.payment.status} />
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="flex min-w-0 flex-col gap-6">
          <Panel title="Actions">
            <OrderActions order={order} />
          </Panel>
          <Items order={order} />
          {order.returns.length > 0 && (
            <Panel title="Returns">
              <ReturnsPanel returned={order.returned} returns={order.returns} />
            </Panel>
          )}
          <Payment order={order} />
          <Transfers order={order} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          {order.refundDestinations.length > 0 && (
            <Panel title="Refund">
              <RefundForm order={order} />
            </Panel>
          )}
          <Panel title="Tax documents">
            <OrderDocuments orderId={order.id} />
          </Panel>
          <Panel title="Delivery">
            <address className="text-sm not-italic text-slate-700">
              {order.address.name}
              <br />
              {order.address.line1}
              {order.address.line2 && <>, {order.address.line2}</>}
              <br />
              {order.address.city}, {order.address.state} {order.address.postalCode}
              <br />
              {order.address.phone}
            </address>
            {order.tracking && (
              <p className="mt-3 text-sm" data-testid="tracking">
                {order.tracking.carrier} · <span className="font-mono">{order.tracking.trackingNumber}</span>
              </p>
            )}
            {order.customer && (
              <Link to={`/admin/customers?q=${encodeURIComponent(order.customer.email)}&user=${order.customer.id}`} className="mt-3 inline-block text-sm font-medium text-teal-700 hover:underline">
                View customer
              </Link>
            )}
          </Panel>
          <Timeline order={order} />
        </div>
      </div>
    </>
  );
}

function Items({ order }: { order: AdminOrder }) {
  return (
    <Panel title="Items">
      <Table
        caption="Items in this order"
        head={
          <>
            <th scope="col" className="py-2 pr-3">Item</th>
            <th scope="col" className="pr-3 text-right">Qty</th>
            <th scope="col" className="pr-3 text-right">Unit price</th>
            <th scope="col" className="text-right">Amount</th>
          </>
        }
      >
        {order.lines.map((line) => (
          <tr key={line.variantId}>
            <td className="py-2 pr-3">
              <Link to={`/admin/products/${line.productId}`} className="font-medium hover:text-teal-700">
                {line.name}
              </Link>
              <span className="block font-mono text-xs text-slate-500">{line.sku}</span>
            </td>
            <td className="pr-3 text-right tabular-nums">{line.quantity}</td>
            <td className="pr-3 text-right tabular-nums">{formatMoney(line.unitPrice)}</td>
            <td className="text-right tabular-nums">{formatMoney(line.subtotal)}</td>
          </tr>
        ))}
      </Table>
      <div className="ml-auto mt-3 max-w-sm">
        <ReceiptRows receipt={order.receipt} withLines={false} />
      </div>
    </Panel>
  );
}

function Payment({ order }: { order: AdminOrder }) {
  const utils = trpc.useUtils();
  const retry = trpc.admin.orders.retryRefund.useMutation({ onSuccess: (result) => utils.admin.orders.byId.setData({ orderId: order.id }, result.order) });
  const { payment } = order;
  return (
    <Panel title="Payment">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <dt className="text-slate-500">Method</dt>
        <dd className="uppercase">{payment.method}</dd>
        <dt className="text-slate-500">Due</dt>
        <dd className="tabular-nums">{formatMoney(payment.amountDue)}</dd>
        <dt className="text-slate-500">Captured</dt>
        <dd className="tabular-nums">{formatMoney(payment.captured)}</dd>
        <dt className="text-slate-500">Refunded</dt>
        <dd className="tabular-nums" data-testid="refunded">{formatMoney(payment.refunded)}</dd>
      </dl>
      {payment.providerIntentId && <ProviderPayment intentId={payment.providerIntentId} />}
      {payment.refunds.length > 0 && (
        <ul className="mt-4 divide-y divide-slate-100 text-sm">
          {payment.refunds.map((refund) => (
            <li key={refund.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {formatMoney(refund.amount)} to {refund.destination} · {refund.reason}
                <span className="block text-xs text-slate-500">{formatDateTime(refund.at)}</span>
              </span>
              <span className="flex items-center gap-2">
                <Badge tone={refund.status === "succeeded" ? "teal" : refund.status === "failed" ? "red" : "amber"}>{refund.status}</Badge>
                {refund.status === "pending" && order.refundDestinations.length > 0 && (
                  <button type="button" className={button.secondary} disabled={retry.isPending} onClick={() => retry.mutate({ orderId: order.id, refundId: refund.id })}>
                    Retry with provider
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {retry.error && <p role="alert" className="mt-2 text-sm text-red-700">{retry.error.message}</p>}
      {payment.failedAttempts.length > 0 && (
        <p className="mt-3 text-sm text-amber-800">
          {payment.failedAttempts.length} failed payment attempt{payment.failedAttempts.length === 1 ? "" : "s"}, last: {payment.failedAttempts.at(-1)!.reason}
        </p>
      )}
    </Panel>
  );
}

function Transfers({ order }: { order: AdminOrder }) {
  return (
    <Panel title="Ledger transfers">
      {order.transfers.length === 0 ? (
        <p className="text-sm text-slate-500">No money has moved for this order yet.</p>
      ) : (
        <Table
          caption="Ledger transfers for this order"
          head={
            <>
              <th scope="col" className="py-2 pr-3">When</th>
              <th scope="col" className="pr-3">Kind</th>
              <th scope="col" className="pr-3">From → to</th>
              <th scope="col" className="text-right">Amount</th>
            </>
          }
        >
          {order.transfers.map((transfer) => (
            <tr key={transfer.id}>
              <td className="py-2 pr-3 text-slate-600">{formatDateTime(transfer.createdAt)}</td>
              <td className="pr-3">{transfer.kind.replaceAll("_", " ")}</td>
              <td className="pr-3 font-mono text-xs">
                {transfer.debit} → {transfer.credit}
              </td>
              <td className="text-right tabular-nums">{formatMoney(transfer.amount)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Panel>
  );
}

function Timeline({ order }: { order: AdminOrder }) {
  return (
    <Panel title="Timeline">
      <ol className="relative flex flex-col gap-4 border-l border-slate-200 pl-4 text-sm">
        {[...order.history].reverse().map((entry, i) => (
          <li key={i} className="relative">
            <span aria-hidden="true" className="absolute -left-[1.32rem] top-1.5 h-2.5 w-2.5 rounded-full bg-teal-600" />
            <p className="font-medium">
              {entry.kind === "status" ? orderStatusLabel[entry.to] : `Payment ${entry.event}${entry.amount ? ` · ${formatMoney(entry.amount)}` : ""}`}
            </p>
            <p className="text-xs text-slate-500">
              {formatDateTime(entry.at)} · by {entry.actor.kind === "system" ? entry.actor.process : entry.actor.kind}
            </p>
            {entry.note && <p className="mt-0.5 text-slate-600">{entry.note}</p>}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
