import { Link } from "react-router";
import { useUrlTable } from "../../features/admin/url-state";
import { useAdmin } from "../../features/admin/use-admin";
import { SelectField } from "../../features/forms/field";
import { Badge, PageHeader, Panel, type Tone } from "../../features/ui/layout";
import { PagedTable } from "../../features/ui/table";
import { formatDateTime } from "../../lib/format-date";
import { trpc, type RouterInputs, type RouterOutputs } from "../../lib/trpc";

type WebhookStatus = NonNullable<RouterInputs["admin"]["payments"]["webhookEvents"]["status"]>;
type WebhookEvent = RouterOutputs["admin"]["payments"]["webhookEvents"]["items"][number];

const STATUSES: Record<WebhookStatus, { label: string; tone: Tone }> = {
  received: { label: "Received", tone: "blue" },
  processing: { label: "Processing", tone: "amber" },
  processed: { label: "Processed", tone: "teal" },
  failed: { label: "Failed", tone: "red" },
};
const isStatus = (value: string): value is WebhookStatus => value in STATUSES;

/**
 * Payments health: the provider's webhook events as they were processed (a failed one is retried by
 * the payments queue, see Operations), and the repairs reconciliation made when a webhook never came.
 * Each list pages on its own, so both trails live in the URL side by side.
 */
export function PaymentsPage() {
  const events = useUrlTable(["status"] as const, "events");
  const { status } = events.filters;
  const eventPage = trpc.admin.payments.webhookEvents.useQuery({ status: isStatus(status) ? status : undefined, cursor: events.cursor, limit: 20 });
  const repairs = useUrlTable([] as const, "repairs");
  const repairPage = trpc.admin.payments.reconciliations.useQuery({ cursor: repairs.cursor, limit: 20 });
  const { can } = useAdmin();

  return (
    <>
      <PageHeader title="Payments" description="Webhook events from the payment provider, newest first, and what reconciliation repaired." />
      <Panel title="Webhook filters">
        <div className="max-w-xs">
          <SelectField label="Processing state" value={status} onChange={(e) => events.setFilters({ status: e.target.value })}>
            <option value="">Any state</option>
            {Object.entries(STATUSES).map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
      </Panel>
      <div className="mt-6" data-testid="webhook-events">
        <PagedTable
          query={eventPage}
          label="webhook events"
          empty={status ? "No webhook events in this state." : "No webhook events received yet."}
          pager={events}
          head={
            <>
              <th scope="col" className="py-2 pr-3">Received</th>
              <th scope="col" className="pr-3">Event</th>
              <th scope="col" className="pr-3">State</th>
              <th scope="col" className="pr-3 text-right">Attempts</th>
              <th scope="col">Last error</th>
            </>
          }
        >
          {(event) => <EventRow key={event.id} event={event} />}
        </PagedTable>
      </div>
      <div className="mt-6" data-testid="reconciliations">
        <PagedTable
          query={repairPage}
          label="reconciliation repairs"
          empty="Reconciliation has not needed to repair any order or top-up."
          pager={repairs}
          head={
            <>
              <th scope="col" className="py-2 pr-3">When</th>
              <th scope="col" className="pr-3">Repair</th>
              <th scope="col" className="pr-3">Order or top-up</th>
              <th scope="col">Why</th>
            </>
          }
        >
          {(entry) => (
            <tr key={entry.id} className="align-top">
              <td className="whitespace-nowrap py-2 pr-3 text-slate-600">{formatDateTime(entry.at)}</td>
              {/* "payment.reconcile.confirmed" → "confirmed", "…top_up_credited" → "top-up credited": the prefix is the same on every row. */}
              <td className="pr-3 font-medium">{entry.action.replace(/^payment\.reconcile\./, "").replace(/^top_up_/, "top-up ")}</td>
              <td className="pr-3 font-mono text-xs">
                {entry.targetType === "order" && can("orders.manage") ? (
                  <Link to={`/admin/orders/${entry.targetId}`} className="font-medium text-teal-700 hover:underline">
                    {entry.targetId}
                  </Link>
                ) : (
                  entry.targetId
                )}
              </td>
              <td className="py-2 text-slate-700">{entry.reason ?? "—"}</td>
            </tr>
          )}
        </PagedTable>
      </div>
    </>
  );
}

function EventRow({ event }: { event: WebhookEvent }) {
  const state = STATUSES[event.status];
  return (
    <tr className="align-top">
      <td className="whitespace-nowrap py-2 pr-3 text-slate-600">{formatDateTime(event.receivedAt)}</td>
      <td className="pr-3">
        <span className="font-medium">{event.type}</span>
        <span className="block font-mono text-xs text-slate-500">
          {event.provider} · {event.id}
        </span>
      </td>
      <td className="pr-3">
        <Badge tone={state.tone}>{state.label}</Badge>
        {event.processedAt && <span className="block text-xs text-slate-500">{formatDateTime(event.processedAt)}</span>}
      </td>
      <td className="pr-3 text-right tabular-nums">{event.attempts}</td>
      <td className="py-2">
        {event.lastError ? (
          <>
            <p className="break-words text-red-700">{event.lastError}</p>
            {event.lastFailedAt && <p className="text-xs text-slate-500">{formatDateTime(event.lastFailedAt)}</p>}
          </>
        ) : (
          <span className="text-slate-500">—</span>
        )}
      </td>
    </tr>
  );
}
