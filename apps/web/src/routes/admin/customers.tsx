import { formatMoney } from "@bbscart/core";
import { useState } from "react";
import { Link } from "react-router";
import { downloadCsv } from "../../features/admin/download-csv";
import { formatSpent, staffRoleLabel } from "../../features/admin/format";
import { SearchForm } from "../../features/admin/search-form";
import { useUrlTable } from "../../features/admin/url-state";
import { FormError, SelectField } from "../../features/forms/field";
import { Badge, PageHeader, Panel } from "../../features/ui/layout";
import { button } from "../../features/ui/styles";
import { PagedTable } from "../../features/ui/table";
import { formatDate } from "../../lib/format-date";
import { trpc } from "../../lib/trpc";

/**
 * Customers and staff: search by name, email or phone, see each account's orders, spending and
 * wallet at a glance, and open one on its own page. The export takes the same filters.
 */
export function CustomersPage() {
  const table = useUrlTable(["q", "role"] as const);
  const { q, role } = table.filters;
  const filters = { search: q || null, role: role === "admin" || role === "shopper" ? role : null } as const;
  const users = trpc.admin.users.list.useQuery({ ...filters, cursor: table.cursor, limit: 20 });
  const [exportError, setExportError] = useState<string | undefined>();
  const exportCsv = () => {
    setExportError(undefined);
    downloadCsv("/api/admin/exports/customers.csv", filters).catch((failure: Error) => setExportError(failure.message));
  };

  return (
    <>
      <PageHeader
        title="Customers"
        description="Search by name, email or phone; open an account for its orders, addresses, wallet, access and history."
        actions={
          <button type="button" className={button.secondary} onClick={exportCsv}>
            Export CSV
          </button>
        }
      />
      <FormError message={exportError} />
      <Panel title="Filters">
        <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
          <SearchForm value={q} placeholder="Name, email or phone" onSearch={(value) => table.setFilters({ q: value })} />
          <SelectField label="Role" value={role} onChange={(e) => table.setFilters({ role: e.target.value })}>
            <option value="">Everyone</option>
            <option value="shopper">Shoppers</option>
            <option value="admin">Staff (admins)</option>
          </SelectField>
        </div>
      </Panel>
      <div className="mt-6">
        <PagedTable
          query={users}
          label="accounts"
          empty="No accounts match."
          pager={table}
          head={
            <>
              <th scope="col" className="py-2 pr-3">Name</th>
              <th scope="col" className="pr-3">Email and phone</th>
              <th scope="col" className="pr-3 text-right">Orders</th>
              <th scope="col" className="pr-3 text-right">Spent</th>
              <th scope="col" className="pr-3">Last order</th>
              <th scope="col" className="pr-3 text-right">Wallet</th>
              <th scope="col">Role</th>
            </>
          }
        >
          {(user) => (
            <tr key={user.id} className="hover:bg-slate-50">
              <td className="py-2 pr-3">
                <Link to={`/admin/customers/${encodeURIComponent(user.id)}`} className="font-medium text-teal-700 hover:underline">
                  {user.name}
                </Link>
              </td>
              <td className="pr-3 text-slate-600">
                <span className="block">{user.email}</span>
                {user.phone && <span className="block text-xs">{user.phone}</span>}
              </td>
              <td className="pr-3 text-right tabular-nums">{user.figures.orders}</td>
              <td className="pr-3 text-right tabular-nums">{formatSpent(user.figures.spent)}</td>
              <td className="pr-3 text-slate-600">{user.figures.lastOrderAt ? formatDate(user.figures.lastOrderAt) : "—"}</td>
              <td className="pr-3 text-right tabular-nums">{formatMoney(user.figures.wallet)}</td>
              <td className="space-x-1">
                {user.role === "admin" ? <Badge tone="blue">{user.staffRole ? staffRoleLabel[user.staffRole] : "Admin (custom)"}</Badge> : <Badge tone="slate">Shopper</Badge>}
                {user.disabled && <Badge tone="red">disabled</Badge>}
              </td>
            </tr>
          )}
        </PagedTable>
      </div>
    </>
  );
}
