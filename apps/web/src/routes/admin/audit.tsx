import type { FormEvent } from "react";
import { dayAfter, dayStart } from "../../features/admin/format";
import { useUrlTable } from "../../features/admin/url-state";
import { useAdmin } from "../../features/admin/use-admin";
import { Field, SelectField } from "../../features/forms/field";
import { formText } from "../../features/forms/field-errors";
import { PageHeader, Panel } from "../../features/ui/layout";
import { button } from "../../features/ui/styles";
import { PagedTable } from "../../features/ui/table";
import { formatDateTime } from "../../lib/format-date";
import { trpc } from "../../lib/trpc";

const FILTERS = ["actor", "targetType", "targetId", "action", "from", "to"] as const;
const TARGET_TYPES = ["order", "product", "variant", "category", "user", "coupon", "settings", "job"];

/** Every admin change, newest first, filterable by who, what and when; before/after shown on demand. */
export function AuditPage() {
  const table = useUrlTable(FILTERS);
  const { actor, targetType, targetId, action, from, to } = table.filters;
  const { can } = useAdmin();
  const admins = trpc.admin.users.list.useQuery({ role: "admin", search: null, cursor: null, limit: 100 }, { enabled: can("customers.view") });
  const entries = trpc.admin.audit.list.useQuery({
    actorId: actor || null,
    targetType: targetType || null,
    targetId: targetId || null,
    action: action || null,
    from: dayStart(from),
    to: dayAfter(to),
    cursor: table.cursor,
    limit: 25,
  });
  const adminName = new Map(admins.data?.items.map((a) => [a.id, a.name]));

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    table.setFilters(Object.fromEntries(FILTERS.map((key) => [key, formText(form, key).trim()])));
  };

  return (
    <>
      <PageHeader title="Audit log" description="Every change an admin made, with the reason given and the data before and after." />
      <Panel title="Filters">
        <form onSubmit={apply} key={JSON.stringify(table.filters)} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Audit filters">
          {admins.data ? (
            <SelectField label="Admin" name="actor" defaultValue={actor}>
              <option value="">Any admin</option>
              {admins.data.items.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.email})
                </option>
              ))}
            </SelectField>
          ) : (
            <Field label="Admin id" name="actor" defaultValue={actor} />
          )}
          <SelectField label="Entity" name="targetType" defaultValue={targetType}>
            <option value="">Any entity</option>
            {TARGET_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </SelectField>
          <Field label="Entity id" name="targetId" defaultValue={targetId} />
          <Field label="Action (exact, e.g. order.ship)" name="action" defaultValue={action} />
          <Field label="From" name="from" type="date" defaultValue={from} />
          <Field label="To" name="to" type="date" defaultValue={to} />
          <div className="flex gap-2 sm:col-span-2 lg:col-span-3">
            <button type="submit" className={button.primary}>
              Apply filters
            </button>
            <button type="button" className={button.secondary} onClick={() => table.setFilters(Object.fromEntries(FILTERS.map((key) => [key, ""])))}>
              Clear
            </button>
          </div>
        </form>
      </Panel>
      <div className="mt-6">
        <PagedTable
          query={entries}
          label="audit entries"
          empty="No entries match these filters."
          pager={table}
          head={
            <>
              <th scope="col" className="py-2 pr-3">When</th>
              <th scope="col" className="pr-3">Admin</th>
              <th scope="col" className="pr-3">Action</th>
              <th scope="col" className="pr-3">Entity</th>
              <th scope="col">Reason and change</th>
            </>
          }
        >
          {(entry) => (
            <tr key={entry.id} className="align-top">
              <td className="whitespace-nowrap py-2 pr-3 text-slate-600">{formatDateTime(entry.at)}</td>
              <td className="pr-3">{adminName.get(entry.actorId) ?? <span className="font-mono text-xs">{entry.actorId}</span>}</td>
              <td className="pr-3 font-mono text-xs">{entry.action}</td>
              <td className="pr-3">
                {entry.targetType} <span className="block font-mono text-xs text-slate-500">{entry.targetId}</span>
              </td>
              <td className="py-2">
                {entry.reason && <p>{entry.reason}</p>}
                <details>
                  <summary className="cursor-pointer text-xs text-teal-700">Before and after</summary>
                  <div className="mt-1 grid gap-2 sm:grid-cols-2">
                    <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(entry.before, null, 2)}</pre>
                    <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(entry.after, null, 2)}</pre>
                  </div>
                </details>
              </td>
            </tr>
          )}
        </PagedTable>
      </div>
    </>
  );
}
