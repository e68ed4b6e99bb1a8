import { formatMoney } from "@bbscart/core";
import type { CartView } from "./use-cart";

/** Subtotal, discount, delivery and total as the API computed them (tax is included in prices). */
export function CartTotals({ totals }: { totals: CartView["totals"] }) {
  const rows: [string, string][] = [["Subtotal", formatMoney(totals.subtotal)]];
  if (totals.discount.minor > 0) rows.push([`Discount${totals.couponCode ? ` (${totals.couponCode})` : ""}`, `− ${formatMoney(totals.discount)}`]);
  // An empty cart delivers nothing: no delivery row (its fee is zero too).
  if (totals.lines.length > 0) rows.push(["Delivery", totals.deliveryFee.minor === 0 ? "Free" : formatMoney(totals.deliveryFee)]);
  // The tax note sits after the list: a <dl> may hold only dt/dd groups (screen readers announce it as a list).
  return (
    <div className="flex flex-col gap-2 text-sm">
      <dl className="flex flex-col gap-2">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between">
            <dt className="text-slate-600">{label}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
        <div className="flex justify-between border-t border-slate-200 pt-2 text-base font-bold">
          <dt>Total</dt>
          <dd className="tabular-nums" data-testid="cart-total">
            {formatMoney(totals.total)}
          </dd>
        </div>
      </dl>
      <p className="text-xs text-slate-500">Includes {formatMoney(totals.tax)} tax.</p>
    </div>
  );
}
