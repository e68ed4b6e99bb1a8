import { Link, useSearchParams } from "react-router";
import { CustomerAccess, type AdminUser } from "../../features/admin/customer-access";
import { CustomerWallet } from "../../features/admin/customer-wallet";
import { SearchForm } from "../../features/admin/search-form";
import { useUrlTable } from "../../features/admin/url-state";
import { useAdmin } from "../../features/admin/use-admin";
import { SelectField } from "../../features/forms/field";
import { Badge, PageHeader, Panel } from "../../features/ui/layout";
import { PagedTable } from "../../features/ui/table";
import { formatDate } from "../../lib/format-date";
import { trpc } from "../../lib/trpc";

/**
 * Customers and staff: search, then open one beside the list (`?user=` in the URL) for their access
 * and wallet. The API has no single-user lookup, so the selected account is taken from the page of
 * results the URL describes.
 */
export function CustomersPage() {
  const table = useUrlTable(["q", "role"] as const);
  const { q, role } = table.filters;
  const [params, setParams] = useSearchParams();
  const selectedId = params.get("user");
  const users = trpc.admin.users.list.useQuery({ search: q, role: role === "admin" || role === "shopper" ? role : null, cursor: table.cursor, limit: 20 });
  const utils = trpc.useUtils();

  const select = (userId: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (userId) next.set("user", userId);
      else next.delete("user");
      return next;
    });


  const selected = users.data?.items.find((user) => user.id === selectedId) ?? null;
  return (
    <>
      <PageHeader title="Customers" description="Search by name or email; open an account to change its access or adjust its wallet." />
      <Panel title="Filters">
        <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
          <SearchForm value={q} placeholder="Name or email" onSearch={(value) => table.setFilters({ q: value })} />
          <SelectField label="Role" value={role} onChange={(e) => table.setFilters({ role: e.target.value })}>
            <option value="">Everyone</option>
            <option value="shopper">Shoppers</option>
            <option value="admin">Admins</option>
          </SelectField>
        </div>
      </Panel>
      <div className="mt-6 grid gap-6 xl:grid-cols-[3fr_2fr]">
        <PagedTable
          query={users}
          label="accounts"
          empty="No accounts match."
          pager={table}
          head={
            <>
              <th scope="col" className="py-2 pr-3">Name</th>
              <th scope="col" className="pr-3">Email</th>
              <th scope="col" className="pr-3">Role</th>
              <th scope="col">Since</th>
            </>
          }
        >
          {(user) => (
            <tr key={user.id} className={user.id === selectedId ? "bg-teal-50" : "hover:bg-slate-50"}>
              <td className="py-2 pr-3">
                <button
                  type="button"
                  className="text-left font-medium text-teal-700 hover:underline"
                  aria-current={user.id === selectedId ? "true" : undefined}
                  onClick={() => select(user.id)}
                >
                  {user.name}
                </button>
              </td>
              <td className="pr-3 text-slate-600">{user.email}</td>
              <td className="space-x-1 pr-3">
                <Badge tone={user.role === "admin" ? "blue" : "slate"}>{user.role}</Badge>
                {user.disabled && <Badge tone="red">disabled</Badge>}
              </td>
              <td className="text-slate-600">{formatDate(user.createdAt)}</td>
            </tr>
          )}
        </PagedTable>
        {selected && <CustomerDetail user={selected} onClose={() => select(null)} onSaved={() => void utils.admin.users.list.invalidate()} />}
      </div>
    </>
  );
}

function CustomerDetail({ user, onClose, onSaved }: { user: AdminUser; onClose: () => void; onSaved: () => void }) {
  const { can } = useAdmin();
  return (
    // min-w-0: as a grid item at 1280 px this column must shrink to its track, so the statement scrolls inside its panel.
    <div className="flex min-w-0 flex-col gap-6" data-testid="customer-detail">
      <Panel
        title={user.name}
        actions={
          <div className="flex items-center gap-4 text-sm">
            {can("orders.manage") && (
              <Link to={`/admin/orders?userId=${encodeURIComponent(user.id)}`} className="font-medium text-teal-700 hover:underline">
                Orders<span className="sr-only"> of {user.name}</span>
              </Link>
            )}
            <button type="button" className="text-slate-600 hover:text-slate-900" onClick={onClose}>
              Close
            </button>
          </div>
        }
      >
        <dl className="mb-4 grid grid-cols-[7rem_minmax(0,1fr)] gap-1 text-sm [&>dd]:break-words">
          <dt className="text-slate-500">Email</dt>
          <dd>{user.email}</dd>
          <dt className="text-slate-500">Phone</dt>
          <dd>{user.phone ?? "—"}</dd>
          <dt className="text-slate-500">2-step sign-in</dt>
          <dd>{user.totpEnabled ? "On" : "Off"}</dd>
        </dl>
        <CustomerAccess key={`${user.id}:${user.role}:${user.permissions.join()}:${user.disabled}`} user={user} onSaved={onSaved} />
      </Panel>
      {can("wallet.adjust") && (
        <Panel title="Wallet">
          <CustomerWallet key={user.id} userId={user.id} customerName={user.name} />
        </Panel>
      )}
    </div>
  );
}
