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
      <PageHeader title="Dashboard" description="Sales figures count paid orders by the day they were placed, in the store's time zone (definitions below the chart)." />
      <QueryView query={overview} label="today's figures">
        {(data) => (
          <div className="grid gap-4 sm:grid-cols-3">
            <Link to="/admin/orders" className={tile} data-testid="today-sales">
              <p className="text-sm text-slate-500">Net sales today ({formatDay(data.today.day)})</p>
              <p className="mt-1 text-2xl font-bold tabular-nums">{formatMoney(data.today.net)}</p>
            </Link>
            <Link to="/admin/orders" className={tile}>
              <p className="text-sm text-slate-500">Paid orders today</p>
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
              <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-5" aria-live="polite" data-testid="sales-figures">
                {(
                  [
                    ["Gross sales", formatMoney(data.gross)],
                    ["Refunds", formatMoney(data.refunds)],
                    ["Net sales", formatMoney(data.net)],
                    ["Orders", String(data.orders)],
                    ["Average order value", formatMoney(data.averageOrderValue)],
                  ] as const
                ).map(([label, value]) => (
                  <div key={label}>
                    <dt className="text-slate-500">{label}</dt>
                    <dd className="text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
                  </div>
                ))}
              </dl>
              <SalesChart days={data.days.map((day) => ({ day: day.day, orders: day.orders, total: day.net }))} currency={data.currency} />
              <SalesDefinitions timeZone={data.timeZone} />
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

/** What each figure means, on the page, so an owner reads them the way they are computed. */
function SalesDefinitions({ timeZone }: { timeZone: string }) {
  return (
    <dl className="mt-4 grid gap-2 border-t border-slate-200 pt-3 text-xs text-slate-600 sm:grid-cols-2" data-testid="sales-definitions">
      <div>
        <dt className="font-semibold text-slate-700">Gross sales</dt>
        <dd>What paid orders brought in: card and wallet payments once captured, cash on delivery once collected at delivery. Orders awaiting payment, or cancelled before it, are not sales.</dd>
      </div>
      <div>
        <dt className="font-semibold text-slate-700">Refunds</dt>
        <dd>Everything refunded on those orders, to wallet or card (card refunds the provider has not confirmed yet included).</dd>
      </div>
      <div>
        <dt className="font-semibold text-slate-700">Net sales</dt>
        <dd>Gross sales − refunds. The chart shows net sales per day.</dd>
      </div>
      <div>
        <dt className="font-semibold text-slate-700">Orders · Average order value</dt>
        <dd>Paid orders; gross sales ÷ paid orders. Each order counts on the day it was placed, in {timeZone}.</dd>
      </div>
    </dl>
  );
}
