import { formatMoney, type ReturnReason } from "@bbscart/core";
import type { RouterOutputs } from "../../lib/trpc";
import { signedMoney } from "./receipt";

type ReturnsData = RouterOutputs["order"]["byId"]["returned"];
type ReturnList = RouterOutputs["order"]["byId"]["returns"];

/** How each reason on core's list reads in the shop and the console (a reason added to the list fails to compile here until it has one). */
export const returnReasonLabel: Record<ReturnReason, string> = {
  damaged: "Arrived damaged",
  wrong_item: "Wrong item sent",
  not_as_described: "Not as described",
  no_longer_needed: "No longer needed",
  other: "Other",
};

const stageLabel = { requested: "Waiting for review", approved: "Approved — send the items back", rejected: "Not accepted", received: "Received" } as const;

/**
 * What came back and what was refunded for it, per line, as the API derived it (core's
 * `returnsSummary`): lines, delivery and any override adjustment add up to the total refunded.
 * Shown once an order has a return; the page never recomputes these amounts.
 */
export function ReturnsPanel({ returned, returns }: { returned: ReturnsData; returns: ReturnList }) {
  if (returns.length === 0) return null;
  const rows = returned.lines.filter((line) => line.returned > 0 || line.pending > 0);
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="returns">
      <ul className="flex flex-col gap-1">
        {returns.map((ret) => (
          <li key={ret.id} className="flex justify-between gap-3" data-testid="return">
            <span>
              Return {ret.id} · {returnReasonLabel[ret.reason]}
            </span>
            <span className="text-slate-600">{stageLabel[ret.status]}</span>
          </li>
        ))}
      </ul>
      <dl className="flex flex-col gap-1 border-t border-slate-200 pt-2">
        {rows.map((line) => (
          <div key={line.variantId} className="flex justify-between gap-3" data-testid="returned-line">
            <dt>
              {line.label}
              <span className="text-slate-500">
                {" "}
                · {line.returned} of {line.ordered} returned{line.pending > 0 ? `, ${line.pending} in a return` : ""}
              </span>
            </dt>
            <dd className="tabular-nums" data-testid="returned-amount" data-minor={line.refunded.minor}>
              {formatMoney(line.refunded)}
            </dd>
          </div>
        ))}
        {returned.delivery.minor !== 0 && (
          <div className="flex justify-between gap-3">
            <dt className="text-slate-600">Delivery</dt>
            <dd className="tabular-nums">{formatMoney(returned.delivery)}</dd>
          </div>
        )}
        {returned.adjustments.minor !== 0 && (
          <div className="flex justify-between gap-3">
            <dt className="text-slate-600">Adjusted by the store</dt>
            <dd className="tabular-nums">{signedMoney(returned.adjustments)}</dd>
          </div>
        )}
        <div className="flex justify-between gap-3 border-t border-slate-200 pt-2 font-semibold">
          <dt>Refunded for returns</dt>
          <dd className="tabular-nums" data-testid="returned-total" data-minor={returned.total.minor}>
            {formatMoney(returned.total)}
          </dd>
        </div>
      </dl>
    </div>
  );
}
