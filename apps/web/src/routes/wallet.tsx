import { formatMoney } from "@bbscart/core";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { SignedIn } from "../features/auth/signed-in";
import { PageHeader, Panel } from "../features/ui/layout";
import { EmptyState, ErrorState, Loading } from "../features/ui/states";
import { button, panel } from "../features/ui/styles";
import { TopUpForm } from "../features/wallet/top-up-form";
import { formatDateTime } from "../lib/format-date";
import { trpc, type RouterOutputs } from "../lib/trpc";

type Entry = RouterOutputs["wallet"]["statement"]["entries"][number];

const kindLabels: Record<Entry["kind"], string> = {
  top_up: "Top-up",
  order_payment: "Order payment",
  cod_collection: "Cash on delivery",
  refund: "Refund",
  adjustment: "Adjustment by BBSCART",
  reversal: "Correction",
};

export function WalletPage() {
  return (
    <SignedIn>
      <PageHeader title="My wallet" />
      <Wallet />
    </SignedIn>
  );
}

/** How long the page keeps looking for a top-up's credit after the card page sent the shopper back. */
const topUpWaitMs = 60_000;

/**
 * Balance, top-up through the payment provider and the statement (newest first, each line with the balance after it,
 * paged by cursor). Back from the card page (`?topup=1`) it re-reads the statement every second
 * for a while, since the credit arrives with the provider's webhook.
 */
function Wallet() {
  const [params] = useSearchParams();
  const returned = params.get("topup") === "1";
  const [openedAt] = useState(() => Date.now());
  const store = trpc.catalog.storeInfo.useQuery();
  const statement = trpc.wallet.statement.useInfiniteQuery(
    { limit: 20 },
    {
      getNextPageParam: (last) => last.nextCursor,
      initialCursor: null,
      refetchInterval: (query) => {
        const credited = query.state.data?.pages[0]?.entries.some((entry) => entry.kind === "top_up" && entry.at.getTime() >= openedAt - topUpWaitMs);
        return returned && !credited && Date.now() - openedAt < topUpWaitMs ? 1_000 : false;
      },
    },
  );
  if (statement.error && !statement.data) return <ErrorState error={statement.error} onRetry={statement.refetch} />;
  if (!statement.data) return <Loading label="Loading your wallet…" />;
  const entries = statement.data.pages.flatMap((page) => page.entries);
  const balance = statement.data.pages[0]?.balance;
  return (
    <div className="flex flex-col gap-6">
      <section className={`${panel} flex flex-wrap items-center justify-between gap-4`} aria-labelledby="balance-heading">
        <div>
          <h2 id="balance-heading" className="text-sm font-medium text-slate-500">
            Available balance
          </h2>
          <p className="text-3xl font-bold tabular-nums" data-testid="wallet-balance">
            {balance ? formatMoney(balance) : "—"}
          </p>
        </div>
        <p className="max-w-xs text-sm text-slate-500">Pay for orders with your balance; refunds to your wallet land here at once.</p>
      </section>
      {returned && (
        <p role="status" aria-live="polite" className="rounded-2xl border border-sky-200 bg-sky-50 px-4 py-3 text-sky-900">
          Payment sent. Your balance updates here as soon as the bank confirms it.
        </p>
      )}
      <Panel title="Add money">
        <TopUpForm currency={store.data?.currency ?? balance?.currency ?? "INR"} />
      </Panel>
      <section aria-labelledby="statement-heading" className="flex flex-col gap-3">
        <h2 id="statement-heading" className="text-lg font-semibold">
          Statement
        </h2>
        {entries.length === 0 ? (
          <EmptyState title="No transactions yet" />
        ) : (
          <div className={`${panel} overflow-x-auto p-0 sm:p-0`}>
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">Date</th>
                  <th scope="col" className="px-4 py-2 font-medium">Details</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">Amount</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">Balance</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {entries.map((entry) => (
                  <tr key={entry.id} data-testid="statement-row">
                    <td className="whitespace-nowrap px-4 py-2 text-slate-500">{formatDateTime(entry.at)}</td>
                    <td className="px-4 py-2">
                      {kindLabels[entry.kind]}
                      {entry.memo && <span className="block text-xs text-slate-500">{entry.memo}</span>}
                    </td>
                    <td className={`whitespace-nowrap px-4 py-2 text-right tabular-nums ${entry.change.minor >= 0 ? "text-emerald-700" : ""}`}>
                      {entry.change.minor >= 0 ? "+" : ""}
                      {formatMoney(entry.change)}
                    </td>
                    <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{formatMoney(entry.balanceAfter)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {statement.hasNextPage && (
          <button type="button" className={`${button.secondary} self-center`} disabled={statement.isFetchingNextPage} onClick={() => void statement.fetchNextPage()}>
            {statement.isFetchingNextPage ? "Loading…" : "Show older transactions"}
          </button>
        )}
      </section>
    </div>
  );
}
