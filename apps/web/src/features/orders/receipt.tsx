import { formatMoney, type Money } from "@bbscart/core";
import type { RouterOutputs } from "../../lib/trpc";

export type ReceiptData = RouterOutputs["order"]["byId"]["receipt"];

/** A signed amount as people read it: a discount is "− ₹200.00", never a bare minus sign. */
export function signedMoney(amount: Money): string {
  return amount.minor < 0 ? `− ${formatMoney({ ...amount, minor: -amount.minor })}` : formatMoney(amount);
}

/**
 * The order's receipt exactly as the API derived it (core's `receiptOf`): each line at list price ×
 * quantity, then discount and delivery, then the total they add up to, and the tax already inside.
 * Pages never recompute these amounts, so what they show is what the emails and the API say.
 * `withLines={false}` leaves the line rows to a table of the same amounts beside it.
 */
export function ReceiptRows({ receipt, withLines = true }: { receipt: ReceiptData; withLines?: boolean }) {
  const rows = withLines ? receipt.rows : receipt.rows.filter((row) => row.kind !== "line");
  // The tax note sits after the list: a <dl> may hold only dt/dd groups (screen readers announce it as a list).
  return (
    <>
      <dl className="flex flex-col gap-1 text-sm" data-testid="receipt">
        {rows.map((row, index) => (
          <div key={row.kind === "line" ? row.variantId : `${row.kind}-${index}`} className="flex justify-between gap-3 py-1" data-testid="receipt-row">
            <dt className={row.kind === "line" ? "" : "text-slate-600"}>
              {row.label}
              {row.kind === "line" && (
                <span className="text-slate-500">
                  {" "}
                  × {row.quantity} @ {formatMoney(row.unitPrice)}
                </span>
              )}
            </dt>
            <dd className="tabular-nums" data-testid="receipt-amount" data-minor={row.amount.minor}>
              {row.kind === "delivery" && row.amount.minor === 0 ? "Free" : signedMoney(row.amount)}
            </dd>
          </div>
        ))}
        <div className="flex justify-between border-t border-slate-200 pt-2 text-base font-bold">
          <dt>Total</dt>
          <dd className="tabular-nums" data-testid="receipt-total" data-minor={receipt.total.minor}>
            {formatMoney(receipt.total)}
          </dd>
        </div>
      </dl>
      <p className="mt-1 text-xs text-slate-500">Includes {formatMoney(receipt.taxIncluded)} tax.</p>
    </>
  );
}
