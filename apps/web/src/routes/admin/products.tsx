import { formatMoney } from "@bbscart/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { ProductBulkActions } from "../../features/admin/product-bulk";
import { SearchForm } from "../../features/admin/search-form";
import { useUrlTable } from "../../features/admin/url-state";
import { SelectField } from "../../features/forms/field";
import { FormError } from "../../features/forms/field";
import { serverErrors } from "../../features/forms/field-errors";
import { Badge, PageHeader, Panel, Status } from "../../features/ui/layout";
import { button } from "../../features/ui/styles";
import { PagedTable } from "../../features/ui/table";
import { trpc } from "../../lib/trpc";
import { SelectAllHeader, SelectRow, useSelection } from "../../features/ui/selection";

const SORTS = { newest: "Newest", name_asc: "Name A–Z", price_asc: "Price, low to high", price_desc: "Price, high to low" } as const;

export function ProductsPage() {
  const table = useUrlTable(["q", "category", "stock", "status", "sort"] as const);
  const { q, category, stock, status, sort } = table.filters;
  const categories = trpc.admin.catalog.categories.useQuery();
  const products = trpc.admin.catalog.list.useQuery({
    search: q,
    categoryId: category || null,
    inStock: stock === "in" ? true : stock === "out" ? false : null,
    status: status === "active" || status === "archived" ? status : null,
    sort: sort in SORTS ? (sort as keyof typeof SORTS) : q ? "relevance" : "newest",
    cursor: table.cursor,
    limit: 20,
  });
  const categoryName = new Map(categories.data?.map((c) => [c.id, c.name]));
  const liveCategories = categories.data?.filter((c) => !c.archivedAt) ?? [];
  const selection = useSelection();
  const [message, setMessage] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | undefined>();
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const archive = trpc.admin.catalog.archiveProduct.useMutation();
  const restore = trpc.admin.catalog.restoreProduct.useMutation();
  const duplicate = trpc.admin.catalog.duplicateProduct.useMutation();
  const shown = products.data?.items ?? [];
  const done = async (text: string) => {
    selection.set([]);
    setRowError(undefined);
    await utils.admin.catalog.list.invalidate();
    setMessage(text);
  };
  /** Archive or restore one product from its row; a refusal (an archived category) is shown above the list. */
  const setOnSale = async (product: { id: string; name: string; active: boolean }) => {
    try {
      if (product.active) await archive.mutateAsync({ productId: product.id });
      else await restore.mutateAsync({ productId: product.id });
      await done(`${product.active ? "Archived" : "Restored"} ${product.name}.`);
    } catch (failure) {
      const errors = serverErrors(failure);
      setRowError(errors.categoryId ?? errors.form);
    }
  };
  const copy = async (productId: string) => {
    const made = await duplicate.mutateAsync({ productId });
    void navigate(`/admin/products/${made.id}`);
  };

  return (
    <>
      <PageHeader
        title="Products"
        description="Every product, on sale or not, with its stock."
        actions={
          <Link to="/admin/products/new" className={button.primary}>
            New product
          </Link>
        }
      />
      <Panel title="Filters">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr]">
          <SearchForm value={q} placeholder="Name or description" onSearch={(value) => table.setFilters({ q: value })} />
          <SelectField label="Category" value={category} onChange={(e) => table.setFilters({ category: e.target.value })}>
            <option value="">All categories</option>
            {categories.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Stock" value={stock} onChange={(e) => table.setFilters({ stock: e.target.value })}>
            <option value="">Any</option>
            <option value="in">In stock</option>
            <option value="out">Out of stock</option>
          </SelectField>
          <SelectField label="Status" value={status} onChange={(e) => table.setFilters({ status: e.target.value })}>
            <option value="">Any</option>
            <option value="active">On sale</option>
            <option value="archived">Archived</option>
          </SelectField>
          <SelectField label="Sort" value={sort} onChange={(e) => table.setFilters({ sort: e.target.value })}>
            <option value="">{q ? "Best match" : "Newest"}</option>
            {Object.entries(SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
      </Panel>
      <Status message={message} />
      <FormError message={rowError} />
      {selection.selected.length > 0 && (
        <div className="mt-4">
          <ProductBulkActions productIds={selection.selected} categories={liveCategories} onDone={(text) => void done(text)} />
        </div>
      )}
      <div className="mt-6">
        <PagedTable
          query={products}
          label="products"
          empty="No products match these filters."
          pager={table}
          head={
            <>
              <SelectAllHeader label="Select every product on this page" ids={shown.map((p) => p.id)} selection={selection} />
              <th scope="col" className="py-2 pr-3">Product</th>
              <th scope="col" className="pr-3">Category</th>
              <th scope="col" className="pr-3 text-right">Price</th>
              <th scope="col" className="pr-3 text-right">Available</th>
              <th scope="col" className="pr-3">State</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </>
          }
        >
          {(product) => (
            <tr key={product.id} className="hover:bg-slate-50">
              <td className="py-2 pr-3">
                <SelectRow label={`Select ${product.name}`} id={product.id} selection={selection} />
              </td>
              <td className="py-2 pr-3">
                <Link to={`/admin/products/${product.id}`} className="flex items-center gap-3 font-medium hover:text-teal-700">
                  {product.images[0] ? (
                    <img src={product.images[0].url} alt={product.images[0].shownAlt} className="h-10 w-10 rounded-md object-cover" loading="lazy" />
                  ) : (
                    <span aria-hidden="true" className="h-10 w-10 rounded-md bg-slate-100" />
                  )}
                  {product.name}
                </Link>
              </td>
              <td className="pr-3 text-slate-600">{categoryName.get(product.categoryId) ?? "—"}</td>
              <td className="pr-3 text-right tabular-nums">
                {product.priceRange
                  ? product.priceRange.min.minor === product.priceRange.max.minor
                    ? formatMoney(product.priceRange.min)
                    : `${formatMoney(product.priceRange.min)} – ${formatMoney(product.priceRange.max)}`
                  : "—"}
              </td>
              <td className="pr-3 text-right tabular-nums">{product.variants.reduce((n, v) => n + v.stock.available, 0)}</td>
              <td className="pr-3">{product.active ? <Badge tone="teal">On sale</Badge> : <Badge>Archived</Badge>}</td>
              <td className="whitespace-nowrap text-right">
                <button type="button" className={`${button.link} mr-3 text-sm`} onClick={() => void setOnSale(product)}>
                  {product.active ? "Archive" : "Restore"}
                  <span className="sr-only"> {product.name}</span>
                </button>
                <button type="button" className={`${button.link} text-sm`} onClick={() => void copy(product.id)}>
                  Duplicate
                  <span className="sr-only"> {product.name}</span>
                </button>
              </td>
            </tr>
          )}
        </PagedTable>
      </div>
    </>
  );
}
