import { useState } from "react";
import { useUrlTable } from "../../features/admin/url-state";
import { ConfirmDialog } from "../../features/ui/dialog";
import { Badge, PageHeader, Panel } from "../../features/ui/layout";
import { EmptyState, QueryView } from "../../features/ui/states";
import { button } from "../../features/ui/styles";
import { PagedTable, Table } from "../../features/ui/table";
import { formatDateTime } from "../../lib/format-date";
import { trpc, type RouterOutputs } from "../../lib/trpc";

type FailedJob = RouterOutputs["admin"]["operations"]["failed"]["items"][number];
const PAGE = 20;

/** Queue health per queue, and the failed jobs of one queue (chosen in the URL) with retry and discard. */
export function OperationsPage() {
  const table = useUrlTable(["queue", "offset"] as const);
  const health = trpc.admin.operations.health.useQuery(undefined, { refetchInterval: 10_000 });
  const queue = table.filters.queue || health.data?.find((q) => q.failed > 0)?.queue || health.data?.[0]?.queue || "";
  const offset = Number(table.filters.offset) || 0;

  return (
    <>
      <PageHeader title="Operations" description="Background queues (notifications, payments, order expiry): what waits, what runs, what failed." />
      <Panel title="Queues" actions={<span className="text-xs text-slate-500">refreshes every 10 s</span>}>
        <QueryView query={health} label="queue health">
          {(queues) => (
            <Table
              caption="Jobs per queue"
              head={
                <>
                  <th scope="col" className="py-2 pr-3">Queue</th>
                  {["Waiting", "Active", "Delayed", "Completed", "Failed"].map((h) => (
                    <th key={h} scope="col" className="pr-3 text-right">
                      {h}
                    </th>
                  ))}
                  <th scope="col" className="sr-only">Failed jobs</th>
                </>
              }
            >
              {queues.map((q) => (
                <tr key={q.queue} className={q.queue === queue ? "bg-teal-50" : undefined}>
                  <th scope="row" className="py-2 pr-3 text-left font-mono font-medium">{q.queue}</th>
                  <td className="pr-3 text-right tabular-nums">{q.waiting}</td>
                  <td className="pr-3 text-right tabular-nums">{q.active}</td>
                  <td className="pr-3 text-right tabular-nums">{q.delayed}</td>
                  <td className="pr-3 text-right tabular-nums">{q.completed}</td>
                  <td className="pr-3 text-right tabular-nums">{q.failed > 0 ? <Badge tone="red">{q.failed}</Badge> : 0}</td>
                  <td>
                    <button type="button" className="text-sm font-medium text-teal-700 hover:underline" onClick={() => table.setFilters({ queue: q.queue })}>
                      Failed jobs<span className="sr-only"> of {q.queue}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </QueryView>
      </Panel>
      {queue && <FailedJobs queue={queue} offset={offset} onOffset={(next) => table.setFilters({ queue, offset: next ? String(next) : "" })} />}
      <FailedMessages />
    </>
  );
}

/**
 * Notifications whose last attempt failed, read from the outbox rather than the queue: they are
 * here even when Redis lost their jobs, and "Send again" queues a fresh job whatever the queue holds.
 */
function FailedMessages() {
  const utils = trpc.useUtils();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const failed = trpc.admin.operations.failedMessages.useQuery({ cursor: cursors.at(-1) ?? null, limit: PAGE });
  const retry = trpc.admin.operations.retryMessage.useMutation({ onSuccess: () => void utils.admin.operations.failedMessages.invalidate() });

  return (
    <section className="mt-6" aria-label="Failed notifications">
      {retry.error && (
        <p role="alert" className="mb-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {retry.error.message}
        </p>
      )}
      <PagedTable
        query={failed}
        label="failed notifications"
        empty="No notification is waiting after a failed attempt."
        head={
          <>
            <th scope="col" className="py-2 pr-3">Message</th>
            <th scope="col" className="pr-3">Last error</th>
            <th scope="col" className="pr-3 text-right">Attempts</th>
            <th scope="col" className="sr-only">Actions</th>
          </>
        }
        pager={{ page: cursors.length, next: (cursor) => setCursors([...cursors, cursor]), previous: () => setCursors(cursors.slice(0, -1)) }}
      >
        {(message) => (
          <tr key={message.id}>
            <td className="py-2 pr-3">
              <span className="font-medium">{message.template.replaceAll("_", " ")}</span> by {message.channel}
              <span className="block font-mono text-xs text-slate-500">{message.id}</span>
            </td>
            <td className="break-words pr-3 text-sm text-red-700">
              {message.lastError} {message.lastFailedAt && <span className="text-xs text-slate-500">({formatDateTime(message.lastFailedAt)})</span>}
            </td>
            <td className="pr-3 text-right tabular-nums">{message.attempts}</td>
            <td>
              <button type="button" className={button.secondary} disabled={retry.isPending} onClick={() => retry.mutate({ outboxId: message.id, reason: null })}>
                Send again<span className="sr-only"> {message.id}</span>
              </button>
            </td>
          </tr>
        )}
      </PagedTable>
    </section>
  );
}

function FailedJobs({ queue, offset, onOffset }: { queue: string; offset: number; onOffset: (offset: number) => void }) {
  const utils = trpc.useUtils();
  const failed = trpc.admin.operations.failed.useQuery({ queue, offset, limit: PAGE });
  const done = () => void Promise.all([utils.admin.operations.failed.invalidate(), utils.admin.operations.health.invalidate()]);
  const retry = trpc.admin.operations.retry.useMutation({ onSuccess: done });
  const discard = trpc.admin.operations.discard.useMutation({ onSuccess: done });
  const [discarding, setDiscarding] = useState<FailedJob | null>(null);
  const error = retry.error ?? discard.error;

  return (
    <Panel title={`Failed jobs in ${queue}`} className="mt-6">
      {error && (
        <p role="alert" className="mb-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {error.message}
        </p>
      )}
      <QueryView query={failed} label="failed jobs">
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title="No failed jobs in this queue." />
          ) : (
            <>
              <ul className="divide-y divide-slate-100" aria-live="polite">
                {page.items.map((job) => (
                  <li key={job.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0">
                      <p className="font-medium">
                        {job.name} <span className="font-mono text-xs text-slate-500">#{job.id}</span>
                      </p>
                      <p className="break-words text-sm text-red-700">{job.error}</p>
                      <p className="text-xs text-slate-500">
                        {job.attemptsMade} of {job.maxAttempts} attempts · failed {job.failedAt ? formatDateTime(job.failedAt) : "—"}
                      </p>
                    </div>
                    <div className="flex shrink-0 gap-2">
                      <button type="button" className={button.primary} disabled={retry.isPending} onClick={() => retry.mutate({ queue, jobId: job.id, reason: null })}>
                        Retry<span className="sr-only"> job {job.id}</span>
                      </button>
                      <button type="button" className={button.secondary} onClick={() => setDiscarding(job)}>
                        Discard<span className="sr-only"> job {job.id}</span>
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
              <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
                <button type="button" className={button.secondary} disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - PAGE))}>
                  Previous
                </button>
                <span className="text-slate-600">
                  {offset + 1}–{offset + page.items.length} of {page.total}
                </span>
                <button type="button" className={button.secondary} disabled={page.nextOffset === null} onClick={() => page.nextOffset !== null && onOffset(page.nextOffset)}>
                  Next
                </button>
              </nav>
            </>
          )
        }
      </QueryView>
      <ConfirmDialog
        open={discarding !== null}
        title="Discard this job?"
        confirmLabel="Discard"
        danger
        onConfirm={() => {
          if (discarding) discard.mutate({ queue, jobId: discarding.id, reason: null });
          setDiscarding(null);
        }}
        onClose={() => setDiscarding(null)}
      >
        The job is removed for good and will not run again. The audit log keeps a record.
      </ConfirmDialog>
    </Panel>
  );
}
