import { formatMoney } from "@bbscart/core";
import { Link, useParams } from "react-router";
import { CustomerAccess } from "../../features/admin/customer-access";
import { CustomerWallet } from "../../features/admin/customer-wallet";
import { formatSpent, paymentChannelLabel } from "../../features/admin/format";
import { StaffRoleForm } from "../../features/admin/staff-role";
import { useAdmin } from "../../features/admin/use-admin";
import { OrderStatusBadge, PaymentStatusBadge } from "../../features/orders/status";
import { PageHeader, Panel } from "../../features/ui/layout";
import { EmptyState, QueryView } from "../../features/ui/states";
import { Table } from "../../features/ui/table";
import { formatDate, formatDateTime } from "../../lib/format-date";
import { trpc, type RouterOutputs } from "../../lib/trpc";

type Customer = RouterOutputs["admin"]["users"]["byId"];

/** One customer (or colleague) on their own page: figures, orders, addresses, wallet, access and what admins changed. */
export function CustomerDetailPage() {
  const { userId = "" } = useParams();
  const customer = trpc.admin.users.byId.useQuery({ userId });
  return (
    <QueryView query={customer} label="the customer">
      {(data) => <CustomerView customer={data} />}
    </QueryView>
  );
}

function CustomerView({ customer }: { customer: Customer }) {
  const { can } = useAdmin();
  const utils = trpc.useUtils();
  const saved = () => {
    void utils.admin.users.byId.invalidate({ userId: customer.id });
    void utils.admin.users.list.invalidate();
  };
  const { figures } = customer;
  return (
    <>
      <Link to="/admin/customers" className="text-sm font-medium text-teal-700 hover:underline">
        ← All customers
      </Link>
      <PageHeader title={customer.name} description={`${customer.email}${customer.phone ? ` · ${customer.phone}` : ""} · since ${formatDate(customer.createdAt)}`} />
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="At a glance">
        <Figure label="Orders" value={String(figures.orders)} />
        <Figure label="Spent" value={formatSpent(figures.spent)} />
        <Figure label="Last order" value={figures.lastOrderAt ? formatDate(figures.lastOrderAt) : "—"} />
        <Figure label="Wallet" value={formatMoney(figures.wallet)} />
      </dl>
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <div className="flex min-w-0 flex-col gap-6">
          {can("orders.manage") && <CustomerOrders userId={customer.id} />}
          <Addresses customer={customer} />
          {can("operations.view") && <History userId={customer.id} />}
        </div>
        {/* min-w-0: at 1280 px this column must shrink to its track, so the wallet statement scrolls inside its panel. */}
        <div className="flex min-w-0 flex-col gap-6" data-testid="customer-detail">
          {can("users.manage") && (
            <>
              <Panel title="Staff role">
                <StaffRoleForm key={customer.id} user={customer} onSaved={saved} />
              </Panel>
              <Panel title="Access">
                <CustomerAccess key={`${customer.id}:${customer.role}:${customer.permissions.join()}:${customer.disabled}`} user={customer} onSaved={saved} />
              </Panel>
            </>
          )}
          {can("wallet.adjust") && (
            <Panel title="Wallet">
              <CustomerWallet key={customer.id} userId={customer.id} customerName={customer.name} />
            </Panel>
          )}
        </div>
      </div>
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4">
      <dt className="text-xs uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

/** The customer's ten latest orders; the orders page holds the rest, filtered to them. */
function CustomerOrders({ userId }: { userId: string }) {
  const orders = trpc.admin.orders.list.useQuery({ userId, limit: 10 });
  return (
    <Panel
      title="Orders"
      actions={
        <Link to={`/admin/orders?userId=${encodeURIComponent(userId)}`} className="text-sm font-medium text-teal-700 hover:underline">
          All their orders
        </Link>
      }
    >
      <QueryView query={orders} label="their orders">
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title="No orders yet." />
          ) : (
            <Table
              caption="Their latest orders"
              head={
                <>
                  <th scope="col" className="py-2 pr-3">Order</th>
                  <th scope="col" className="pr-3">Placed</th>
                  <th scope="col" className="pr-3 text-right">Total</th>
                  <th scope="col" className="pr-3">Payment</th>
                  <th scope="col">Fulfilment</th>
                </>
              }
            >
              {page.items.map((order) => (
                <tr key={order.id}>
                  <td className="py-2 pr-3">
                    <Link to={`/admin/orders/${order.id}`} className="font-mono font-medium text-teal-700 hover:underline">
                      {order.number}
                    </Link>
                  </td>
                  <td className="pr-3 text-slate-600">{formatDateTime(order.placedAt)}</td>
                  <td className="pr-3 text-right tabular-nums">{formatMoney(order.total)}</td>
                  <td className="space-x-1 pr-3">
                    <span className="text-xs text-slate-600">{paymentChannelLabel[order.payment.channel]}</span>
                    <PaymentStatusBadge status={order.payment.status} />
                  </td>
                  <td>
                    <OrderStatusBadge status={order.status} />
                  </td>
                </tr>
              ))}
            </Table>
          )
        }
      </QueryView>
    </Panel>
  );
}

function Addresses({ customer }: { customer: Customer }) {
  return (
    <Panel title="Addresses">
      {customer.addresses.length === 0 ? (
        <p className="text-sm text-slate-600">No saved addresses.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {customer.addresses.map((address, index) => (
            <li key={address.id} className="rounded-lg border border-slate-200 p-3 text-sm">
              <p className="font-medium">
                {address.label ?? address.name}
                {index === 0 && <span className="ml-2 text-xs text-slate-600">(default)</span>}
              </p>
              <p>{address.name}</p>
              <p>{[address.line1, address.line2].filter(Boolean).join(", ")}</p>
              <p>
                {address.city}, {address.state} {address.postalCode}
              </p>
              <p className="text-slate-600">{address.phone}</p>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

/** What admins changed on this account (access, roles), newest first; the audit log has everything else. */
function History({ userId }: { userId: string }) {
  const entries = trpc.admin.audit.list.useQuery({ targetType: "user", targetId: userId, limit: 10 });
  return (
    <Panel
      title="Audit trail"
      actions={
        <Link to={`/admin/audit?targetType=user&targetId=${encodeURIComponent(userId)}`} className="text-sm font-medium text-teal-700 hover:underline">
          Full audit log
        </Link>
      }
    >
      <QueryView query={entries} label="the audit trail">
        {(page) =>
          page.items.length === 0 ? (
            <p className="text-sm text-slate-600">No admin has changed this account.</p>
          ) : (
            <ol className="flex flex-col gap-2 text-sm">
              {page.items.map((entry) => (
                <li key={entry.id} className="flex flex-wrap gap-x-3">
                  <span className="text-slate-600">{formatDateTime(entry.at)}</span>
                  <span className="font-mono text-xs leading-5">{entry.action}</span>
                  {entry.reason && <span>{entry.reason}</span>}
                </li>
              ))}
            </ol>
          )
        }
      </QueryView>
    </Panel>
  );
}
