import { stockAdjustmentInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { SearchForm } from "../../features/admin/search-form";
import { useUrlTable } from "../../features/admin/url-state";
import { Field, FormError, SelectField } from "../../features/forms/field";
import { type FieldErrors, formText, serverErrors, validate } from "../../features/forms/field-errors";
import { PageHeader, Panel, Status } from "../../features/ui/layout";
import { EmptyState, QueryView } from "../../features/ui/states";
import { button } from "../../features/ui/styles";
import { Pager, Table } from "../../features/ui/table";
import { trpc } from "../../lib/trpc";

/**
 * Bulk stock adjustment after a count or a delivery: type the change beside each variant, give one
 * reason, apply. Each change is its own audited adjustment; a refused one is shown on its row and
 * the others still apply.
 */
export function StockPage() {
  const table = useUrlTable(["q", "stock"] as const);
  const { q, stock } = table.filters;
  const utils = trpc.useUtils();
  const products = trpc.admin.catalog.list.useQuery({
    search: q,
    categoryId: null,
    minPrice: null,
    maxPrice: null,
    inStock: stock === "in" ? true : stock === "out" ? false : null,
    sort: q ? "relevance" : "name_asc",
    cursor: table.cursor,
    limit: 20,
  });
  const adjust = trpc.admin.catalog.adjustStock.useMutation();
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);


  const apply = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reason = formText(form, "reason");
    const changes = [...form.keys()]
      .filter((name) => name.startsWith("delta:") && formText(form, name).trim() !== "")
      .map((name) => ({ variantId: name.slice("delta:".length), delta: Number(formText(form, name)), reason }));
    if (changes.length === 0) return setErrors({ form: "Type a change beside at least one variant." });
    const invalid: Record<string, string> = {};
    for (const change of changes) {
      const parsed = validate(stockAdjustmentInput, change);
      if (!parsed.ok) {
        if (parsed.errors.reason) return setErrors({ reason: parsed.errors.reason });
        invalid[change.variantId] = parsed.errors.delta ?? Object.values(parsed.errors)[0]!;
      }
    }
    setErrors({});
    if (Object.keys(invalid).length) return setRowErrors(invalid);
    const failed: Record<string, string> = {};
    let applied = 0;
    for (const change of changes) {
      try {
        await adjust.mutateAsync(stockAdjustmentInput.parse(change));
        applied += 1;
      } catch (error) {
        const messages = serverErrors(error);
        failed[change.variantId] = messages.delta ?? messages.form ?? Object.values(messages)[0]!;
      }
    }
    setRowErrors(failed);
    setResult(`${applied} of ${changes.length} adjustment${changes.length === 1 ? "" : "s"} applied.`);
    if (Object.keys(failed).length === 0) setFormKey((k) => k + 1);
    await utils.admin.catalog.list.invalidate();
    void utils.admin.dashboard.overview.invalidate();
  };

  return (
    <>
      <PageHeader title="Stock" description="Adjust on-hand stock for many variants at once, with one reason for the audit log." />
      <Panel title="Find variants">
        <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
          <SearchForm label="Search products" value={q} onSearch={(value) => table.setFilters({ q: value })} />
          <SelectField label="Stock" value={stock} onChange={(e) => table.setFilters({ stock: e.target.value })}>
            <option value="">Any</option>
            <option value="in">In stock</option>
            <option value="out">Out of stock</option>
          </SelectField>
        </div>
      </Panel>
      <div className="mt-6">
        <QueryView query={products} label="stock">
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState title="No products match." />
            ) : (
              <form key={formKey} noValidate onSubmit={(e) => void apply(e)} aria-label="Stock adjustments">
                <Panel title={`Variants, page ${table.page}`}>
                  <Table
                    caption="Variants and their stock"
                    head={
                      <>
                        <th scope="col" className="py-2 pr-3">Variant</th>
                        <th scope="col" className="pr-3 text-right">On hand</th>
                        <th scope="col" className="pr-3 text-right">Reserved</th>
                        <th scope="col" className="pr-3 text-right">Available</th>
                        <th scope="col" className="w-40">Change</th>
                      </>
                    }
                  >
                    {page.items.flatMap((product) =>
                      product.variants.map((variant) => (
                        <tr key={variant.id}>
                          <td className="py-2 pr-3">
                            <Link to={`/admin/products/${product.id}`} className="font-medium hover:text-teal-700">
                              {product.name}
                            </Link>
                            {variant.name && <span className="text-slate-500"> · {variant.name}</span>}
                            <span className="block font-mono text-xs text-slate-500">{variant.sku}</span>
                          </td>
                          <td className="pr-3 text-right tabular-nums">{variant.stock.onHand}</td>
                          <td className="pr-3 text-right tabular-nums">{variant.stock.reserved}</td>
                          <td className={`pr-3 text-right tabular-nums ${variant.stock.available === 0 ? "font-semibold text-red-700" : ""}`}>{variant.stock.available}</td>
                          <td className="py-1">
                            <input
                              name={`delta:${variant.id}`}
                              type="number"
                              step={1}
                              aria-label={`Change for ${variant.sku}`}
                              aria-invalid={rowErrors[variant.id] ? true : undefined}
                              placeholder="±0"
                              className="w-28 rounded-lg border border-slate-300 px-2 py-1.5 text-right aria-[invalid]:border-red-500"
                            />
                            {rowErrors[variant.id] && (
                              <p role="alert" className="text-xs text-red-600">
                                {rowErrors[variant.id]}
                              </p>
                            )}
                          </td>
                        </tr>
                      )),
                    )}
                  </Table>
                  <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-end">
                    <div className="flex-1">
                      <Field label="Reason (for every change above)" name="reason" error={errors.reason} placeholder="Monthly stock count" />
                    </div>
                    <button type="submit" className={button.primary} disabled={adjust.isPending}>
                      {adjust.isPending ? "Applying…" : "Apply changes"}
                    </button>
                  </div>
                  <FormError message={errors.form} />
                  <Status message={result} />
                  <Pager page={table.page} nextCursor={page.nextCursor} onNext={table.next} onPrevious={table.previous} />
                </Panel>
              </form>
            )
          }
        </QueryView>
      </div>
    </>
  );
}
