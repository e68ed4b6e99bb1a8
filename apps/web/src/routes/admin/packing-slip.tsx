import { Link, useParams } from "react-router";
import { QueryView } from "../../features/ui/states";
import { button } from "../../features/ui/styles";
import { formatDateTime } from "../../lib/format-date";
import { trpc } from "../../lib/trpc";

/**
 * A packing slip to print and put in the parcel: the order number, the delivery address and the
 * lines to pick (SKU, name, quantity). No prices, so the slip suits gifts and cash-on-delivery
 * parcels alike; the console's navigation is hidden when printing.
 */
export function PackingSlipPage() {
  const { orderId = "" } = useParams();
  const order = trpc.admin.orders.byId.useQuery({ orderId });
  return (
    <QueryView query={order} label="packing slip">
      {(o) => (
        <article className="mx-auto max-w-2xl bg-white p-6 print:max-w-none print:p-0" aria-label={`Packing slip ${o.number}`}>
          <div className="mb-6 flex items-center justify-between gap-3 print:hidden">
            <Link to={`/admin/orders/${o.id}`} className={button.link}>
              Back to the order
            </Link>
            <button type="button" className={button.primary} onClick={() => window.print()}>
              Print
            </button>
          </div>
          <header className="flex items-start justify-between border-b border-slate-300 pb-4">
            <div>
              <h1 className="text-2xl font-bold">Packing slip</h1>
              <p className="font-mono text-lg">{o.number}</p>
            </div>
            <p className="text-sm text-slate-700">Placed {formatDateTime(o.placedAt)}</p>
          </header>
          <section className="mt-4" aria-label="Deliver to">
            <h2 className="text-sm font-semibold uppercase text-slate-700">Deliver to</h2>
            <address className="mt-1 not-italic leading-relaxed">
              {o.address.name}
              <br />
              {o.address.line1}
              {o.address.line2 && (
                <>
                  <br />
                  {o.address.line2}
                </>
              )}
              <br />
              {o.address.city}, {o.address.state} {o.address.postalCode}
              <br />
              {o.address.country} · {o.address.phone}
            </address>
          </section>
          <table className="mt-6 w-full text-left text-sm">
            <thead className="border-b border-slate-300">
              <tr>
                <th scope="col" className="py-2 pr-3">SKU</th>
                <th scope="col" className="pr-3">Item</th>
                <th scope="col" className="text-right">Quantity</th>
              </tr>
            </thead>
            <tbody>
              {o.lines.map((line) => (
                <tr key={line.variantId} className="border-b border-slate-200">
                  <td className="py-2 pr-3 font-mono">{line.sku}</td>
                  <td className="pr-3">{line.name}</td>
                  <td className="text-right tabular-nums">{line.quantity}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-4 text-sm text-slate-700">{o.lines.reduce((n, line) => n + line.quantity, 0)} items in this parcel.</p>
        </article>
      )}
    </QueryView>
  );
}
