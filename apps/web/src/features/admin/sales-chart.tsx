import { formatMoney, type Money } from "@bbscart/core";
import { useId } from "react";
import { axisLabel, axisTicks } from "./chart-ticks";
import { formatDay } from "./format";

export interface DayOfSales {
  day: string;
  orders: number;
  total: Money;
}

const width = 720;
const height = 240;
const pad = { top: 12, right: 8, bottom: 28, left: 64 };

/**
 * Sales per day as an SVG bar chart, drawn by hand (a chart library would weigh more than the whole
 * console). Every bar has a tooltip, and the same figures are a real table under "Show as table",
 * so the chart is readable by screen reader and keyboard alike.
 */
export function SalesChart({ days, currency }: { days: readonly DayOfSales[]; currency: string }) {
  const titleId = useId();
  const ticks = axisTicks(Math.max(0, ...days.map((d) => d.total.minor)), currency);
  const max = ticks.at(-1)!;
  const plotWidth = width - pad.left - pad.right;
  const plotHeight = height - pad.top - pad.bottom;
  const slot = plotWidth / days.length;
  const barWidth = Math.max(2, slot * 0.7);
  const labelEvery = days.length > 10 ? 5 : 1;
  const best = days.reduce((a, b) => (b.total.minor > a.total.minor ? b : a), days[0]!);

  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={titleId}
        className="h-auto w-full"
        data-testid="sales-chart"
      >
        <title id={titleId}>
          {`Sales per day over ${days.length} days; best day ${formatDay(best.day, "long")} with ${formatMoney(best.total)}.`}
        </title>
        {ticks.map((tick) => {
          const y = pad.top + plotHeight - (tick / max) * plotHeight;
          return (
            <g key={tick}>
              <line x1={pad.left} x2={width - pad.right} y1={y} y2={y} className="stroke-slate-200" strokeDasharray={tick === 0 ? undefined : "3 3"} />
              <text x={pad.left - 8} y={y + 4} textAnchor="end" className="fill-slate-500 text-[11px]">
                {axisLabel(tick, currency)}
              </text>
            </g>
          );
        })}
        {days.map((d, i) => {
          const barHeight = (d.total.minor / max) * plotHeight;
          const x = pad.left + i * slot + (slot - barWidth) / 2;
          return (
            <g key={d.day}>
              <rect x={x} y={pad.top + plotHeight - barHeight} width={barWidth} height={barHeight} rx={3} className="fill-teal-600 hover:fill-teal-800">
                <title>{`${formatDay(d.day, "long")}: ${formatMoney(d.total)} from ${d.orders} order${d.orders === 1 ? "" : "s"}`}</title>
              </rect>
              {(i % labelEvery === 0 || i === days.length - 1) && (
                <text x={x + barWidth / 2} y={height - 8} textAnchor="middle" className="fill-slate-500 text-[11px]">
                  {formatDay(d.day)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer text-teal-700 hover:underline">Show as table</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">Sales per day</caption>
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col">Day</th>
              <th scope="col" className="text-right">Orders</th>
              <th scope="col" className="text-right">Sales</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day} className="border-t border-slate-100">
                <th scope="row" className="py-1 font-normal">{formatDay(d.day, "long")}</th>
                <td className="text-right tabular-nums">{d.orders}</td>
                <td className="text-right tabular-nums">{formatMoney(d.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
