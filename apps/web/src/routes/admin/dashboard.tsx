import { formatMoney, ORDER_STATUSES } from "@bbscart/core";
import { Link, useSearchParams } from "react-router";
import { formatDay, orderStatusLabel } from "../../features/admin/format";
import { SalesChart } from "../../features/admin/sales-chart";
import { useAdmin } from "../../features/admin/use-admin";
import { PageHeader, Panel } from "../../features/ui/layout";
import { EmptyState, QueryView } from "../../features/ui/states";
import { trpc } from "../../lib/trpc";

const tile = "block rounded-2xl border border-slate-200 bg-white p-4 shadow-sm hover:border-teal-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600";

export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const days = params.get("days") === "30" ? 30 : 7;
  const overview = trpc.admin.dashboard.overview.useQuery();
  const sales = trpc.admin.dashboard.sales.useQuery({ days });
  const top = trpc.admin.dashboard.topProducts.useQuery({ days });
  const { can } = useAdmin();

  return (
    <>
      <PageHeader title="Dashboard" description="Every figure counts orders placed and not cancelled, by day in the store's time zone." />
      <QueryView query={overview} label="today's figures">
        {(data) => (
          <div className="grid gap-4 sm:grid-cols-3">
            <Link to="/admin/orders" className={tile} data-testid="today-sales">
              <p className="text-sm text-slate-500">Sales today ({formatDay(data.today.day)})</p>
              <p className="mt-1 text-2xl font-bold tabular-nums">{formatMoney(data.today.total)}</p>
            </Link>
            <Link to="/admin/orders" className={tile}>
              <p className="text-sm text-slate-500">Orders today</p>
              <p className="mt-1 text-2xl font-bold tabular-nums">{data.today.orders}</p>
            </Link>
            <Link to="/admin/orders?status=confirmed" className={tile}>
              <p className="text-sm text-slate-500">Waiting to be packed</p>
              <p className="mt-1 text-2xl font-bold tabular-nums">{data.byStatus.confirmed}</p>
            </Link>
          </div>
        )}
      </QueryView>

      <Panel
        className="mt-6"
        title={`Sales, last ${days} days`}
        actions={
          <div role="group" aria-label="Period" className="inline-flex rounded-lg border border-slate-300 p-0.5 text-sm">
            {([7, 30] as const).map((n) => (
              <button
                key={n}
                type="button"
                aria-pressed={days === n}
                onClick={() => setParams({ days: String(n) }, { replace: true })}
                className={`rounded-md px-3 py-1 font-medium ${days === n ? "bg-teal-700 text-white" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {n} days
              </button>
            ))}
          </div>
        }
      >
        <QueryView query={sales} label="sales">
          {(data) => (
            <>
              <p className="mb-3 text-sm text-slate-600" aria-live="polite">
                <strong className="text-slate-900">{formatMoney(data.total)}</strong> from {data.orders} order{data.orders === 1 ? "" : "s"} · {data.timeZone}
              </p>
              <SalesChart days={data.days} currency={data.total.currency} />
            </>
          )}
        </QueryView>
      </Panel>

      <Panel className="mt-6" title={`Top products, last ${days} days`}>
        <div data-testid="top-products">
          <QueryView query={top} label="top products">
            {(data) =>
              data.products.length === 0 ? (
                <EmptyState title={`No products sold in these ${days} days.`} />
              ) : (
                <ol className="divide-y divide-slate-100">
                  {data.products.map((product, rank) => {
                    const row = (
                      <>
                        <span className="min-w-0">
                          <span className="mr-2 text-slate-500 tabular-nums">{rank + 1}.</span>
                          {product.name}
                        </span>
                        <span className="shrink-0 text-right tabular-nums">
                          <span className="font-semibold">{formatMoney(product.revenue)}</span>
                          <span className="block text-xs text-slate-500">{product.quantity} sold</span>
                        </span>
                      </>
                    );
                    return (
                      <li key={product.productId}>
                        {/* The editor needs catalog rights; without them the name alone still tells what sells. */}
                        {can("catalog.manage") ? (
                          <Link to={`/admin/products/${product.productId}`} className="flex items-center justify-between gap-3 py-2 text-sm hover:text-teal-700">
                            {row}
                          </Link>
                        ) : (
                          <div className="flex items-center justify-between gap-3 py-2 text-sm">{row}</div>
                        )}
                      </li>
                    );
                  })}
                </ol>
              )
            }
          </QueryView>
        </div>
      </Panel>

      <QueryView query={overview} label="orders and stock">
        {(data) => (
          <div className="mt-6 grid gap-6 lg:grid-cols-2">
            <Panel title="Orders by status">
              <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
                {ORDER_STATUSES.map((status) => (
                  <li key={status}>
                    <Link to={`/admin/orders?status=${status}`} className={`${tile} p-3`}>
                      <span className="block text-xs text-slate-500">{orderStatusLabel[status]}</span>
                      <span className="text-lg font-semibold tabular-nums">{data.byStatus[status]}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </Panel>
            <Panel
              title={`Low stock (at most ${data.lowStockThreshold} available)`}
              actions={
                <Link to="/admin/stock" className="text-sm font-medium text-teal-700 hover:underline">
                  Adjust stock
                </Link>
              }
            >
              {data.lowStock.length === 0 ? (
                <EmptyState title="Every variant is above the threshold." />
              ) : (
                <ul className="divide-y divide-slate-100">
                  {data.lowStock.map((row) => (
                    <li key={row.variantId}>
                      <Link to={`/admin/products/${row.productId}`} className="flex items-center justify-between gap-3 py-2 text-sm hover:text-teal-700">
                        <span>
                          {row.productName}
                          {row.variantName && <span className="text-slate-500"> · {row.variantName}</span>}
                          <span className="block font-mono text-xs text-slate-500">{row.sku}</span>
                        </span>
                        <span className={`tabular-nums font-semibold ${row.available === 0 ? "text-red-700" : "text-amber-700"}`}>{row.available} left</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
          </div>
        )}
      </QueryView>
    </>
  );
}
