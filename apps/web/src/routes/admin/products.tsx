import { formatMoney } from "@bbscart/core";
import { Link } from "react-router";
import { SearchForm } from "../../features/admin/search-form";
import { useUrlTable } from "../../features/admin/url-state";
import { SelectField } from "../../features/forms/field";
import { Badge, PageHeader, Panel } from "../../features/ui/layout";
import { button } from "../../features/ui/styles";
import { PagedTable } from "../../features/ui/table";
import { trpc } from "../../lib/trpc";

const SORTS = { newest: "Newest", name_asc: "Name A–Z", price_asc: "Price, low to high", price_desc: "Price, high to low" } as const;

export function ProductsPage() {
  const table = useUrlTable(["q", "category", "stock", "sort"] as const);
  const { q, category, stock, sort } = table.filters;
  const categories = trpc.catalog.categories.useQuery();
  const products = trpc.admin.catalog.list.useQuery({
    search: q,
    categoryId: category || null,
    inStock: stock === "in" ? true : stock === "out" ? false : null,
    sort: sort in SORTS ? (sort as keyof typeof SORTS) : q ? "relevance" : "newest",
    cursor: table.cursor,
    limit: 20,
  });
  const categoryName = new Map(categories.data?.map((c) => [c.id, c.name]));


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
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr]">
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
      <div className="mt-6">
        <PagedTable
          query={products}
          label="products"
          empty="No products match these filters."
          pager={table}
          head={
            <>
              <th scope="col" className="py-2 pr-3">Product</th>
              <th scope="col" className="pr-3">Category</th>
              <th scope="col" className="pr-3 text-right">Price</th>
              <th scope="col" className="pr-3 text-right">Available</th>
              <th scope="col">State</th>
            </>
          }
        >
          {(product) => (
            <tr key={product.id} className="hover:bg-slate-50">
              <td className="py-2 pr-3">
                <Link to={`/admin/products/${product.id}`} className="flex items-center gap-3 font-medium hover:text-teal-700">
                  {product.images[0] ? (
                    <img src={product.images[0].url} alt="" className="h-10 w-10 rounded-md object-cover" loading="lazy" />
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
              <td>{product.active ? <Badge tone="teal">On sale</Badge> : <Badge>Hidden</Badge>}</td>
            </tr>
          )}
        </PagedTable>
      </div>
    </>
  );
}
