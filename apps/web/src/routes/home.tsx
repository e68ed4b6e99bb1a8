import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { ProductGrid } from "../features/catalog/product-card";
import { SearchBox } from "../features/catalog/search-box";
import { QueryView } from "../features/ui/states";
import { trpc } from "../lib/trpc";

export function HomePage() {
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const categories = trpc.catalog.categories.useQuery();
  const featured = trpc.catalog.list.useQuery({ sort: "newest", inStock: true, limit: 8 });
  return (
    <div className="flex flex-col gap-10">
      <section className="rounded-2xl bg-gradient-to-br from-teal-700 to-teal-900 px-6 py-10 text-white sm:px-12 sm:py-14">
        <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">Everyday essentials, delivered.</h1>
        <p className="mt-3 max-w-xl text-lg text-teal-50">Fresh groceries, home care and more — priced fairly, never oversold.</p>
        <div className="mt-6 max-w-xl">
          <SearchBox value={text} onChange={setText} onSubmit={(q) => void navigate(`/search?q=${encodeURIComponent(q)}`)} />
        </div>
        <Link to="/search" className="mt-4 inline-block font-semibold text-white underline-offset-4 hover:underline">
          Browse everything →
        </Link>
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="mb-4 text-xl font-bold">
          Shop by category
        </h2>
        <QueryView query={categories} label="categories">
          {(list) => (
            <ul className="flex flex-wrap gap-2">
              {list.map((category) => (
                <li key={category.id}>
                  <Link
                    to={`/search?category=${category.slug}`}
                    className="inline-block rounded-full border border-slate-200 bg-white px-4 py-2 text-sm font-medium shadow-sm hover:border-teal-600 hover:text-teal-800"
                  >
                    {category.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </section>

      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading" className="mb-4 text-xl font-bold">
          New in the shop
        </h2>
        <QueryView query={featured} label="products">
          {(page) => <ProductGrid products={page.items} label="New products" />}
        </QueryView>
      </section>
    </div>
  );
}
