import { catalogListInput } from "@bbscart/core/schemas";
import { startTransition, useOptimistic, useState, type FormEvent } from "react";
import type { RouterOutputs } from "../../lib/trpc";
import { listInput, sortLabels, type CatalogQuery, type CatalogSort } from "../../lib/catalog-query";
import { formText, validate } from "../forms/field-errors";
import { button, input } from "../ui/styles";

type Category = RouterOutputs["catalog"]["categories"][number];

/**
 * Category, price range, in-stock and sort: each change becomes a new URL (so "back" undoes it).
 * On a phone they fold behind a "Filters" button so the products are on the first screen; from the
 * `md` breakpoint up they are always shown beside the results.
 */
export function CatalogFilters({
  query,
  categories,
  currency,
  onChange,
}: {
  query: CatalogQuery;
  categories: readonly Category[];
  currency: string;
  onChange: (next: CatalogQuery) => void;
}) {
  // The router applies a new URL in a transition; until it lands, controls show the choice just
  // made instead of snapping back to the old URL's value (a checkbox would flicker unchecked).
  const [shown, setShown] = useOptimistic(query);
  const apply = (next: CatalogQuery) =>
    startTransition(() => {
      setShown(next);
      onChange(next);
    });
  const applyPrice = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const read = (name: string) => {
      const value = formText(form, name).trim();
      return value === "" || Number.isNaN(Number(value)) ? null : Math.max(0, Math.floor(Number(value)));
    };
    const next = { ...shown, min: read("min"), max: read("max") };
    // The API's own rule, checked here: a range the wrong way round is shown by the fields, never sent.
    const checked = validate(catalogListInput, listInput(next, { currency, categoryId: null }));
    setPriceError(checked.ok ? null : (checked.errors.minPrice ?? checked.errors.maxPrice ?? null));
    if (checked.ok) apply(next);
  };
  const [priceError, setPriceError] = useState<string | null>(null);
  const priceInvalid = priceError ? { "aria-invalid": true, "aria-describedby": "filter-price-error" } : {};
  const [open, setOpen] = useState(false);
  const active = [shown.category !== null, shown.min !== null || shown.max !== null, shown.inStock].filter(Boolean).length;
  return (
    <div className="flex flex-col gap-3">
      <button type="button" className={`${button.secondary} md:hidden`} aria-expanded={open} aria-controls="catalog-filters" onClick={() => setOpen(!open)}>
        Filters{active > 0 ? ` (${active})` : ""}
      </button>
      <section id="catalog-filters" aria-label="Filters" className={`${open ? "flex" : "hidden"} flex-col gap-4 rounded-2xl border border-slate-200 bg-white p-4 text-sm md:flex`}>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-category" className="font-medium text-slate-700">
            Category
          </label>
          <select id="filter-category" className={input} value={shown.category ?? ""} onChange={(e) => apply({ ...shown, category: e.target.value || null })}>
            <option value="">All categories</option>
            {categories.map((category) => (
              <option key={category.id} value={category.slug}>
                {category.name}
              </option>
            ))}
          </select>
        </div>
        <form onSubmit={applyPrice} className="flex flex-col gap-1" key={`${shown.min}-${shown.max}`}>
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 font-medium text-slate-700">Price ({currency})</legend>
            <div className="flex items-center gap-2">
              <label className="sr-only" htmlFor="filter-min">
                Minimum price
              </label>
              <input id="filter-min" name="min" inputMode="numeric" placeholder="Min" defaultValue={shown.min ?? ""} className={`${input} w-full min-w-0`} {...priceInvalid} />
              <span aria-hidden="true">–</span>
              <label className="sr-only" htmlFor="filter-max">
                Maximum price
              </label>
              <input id="filter-max" name="max" inputMode="numeric" placeholder="Max" defaultValue={shown.max ?? ""} className={`${input} w-full min-w-0`} {...priceInvalid} />
            </div>
            {priceError && (
              <p id="filter-price-error" role="alert" className="text-sm text-red-600">
                {priceError}
              </p>
            )}
          </fieldset>
          <button type="submit" className={`${button.secondary} mt-1 py-1.5`}>
            Apply price
          </button>
        </form>
        <label className="flex items-center gap-2">
          <input type="checkbox" className="h-4 w-4 accent-teal-700" checked={shown.inStock} onChange={(e) => apply({ ...shown, inStock: e.target.checked })} />
          In stock only
        </label>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-sort" className="font-medium text-slate-700">
            Sort by
          </label>
          <select id="filter-sort" className={input} value={shown.sort} onChange={(e) => apply({ ...shown, sort: e.target.value as CatalogSort })}>
            {Object.entries(sortLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </section>
    </div>
  );
}
