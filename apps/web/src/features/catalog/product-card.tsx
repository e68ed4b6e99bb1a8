import { formatMoney } from "@bbscart/core";
import { Link } from "react-router";
import type { RouterOutputs } from "../../lib/trpc";
import { ProductImage } from "./product-image";

export type ProductCardData = RouterOutputs["catalog"]["list"]["items"][number];

export function PriceRange({ range }: { range: ProductCardData["priceRange"] }) {
  if (!range) return null;
  if (range.min.minor === range.max.minor) return <>{formatMoney(range.min)}</>;
  return <>from {formatMoney(range.min)}</>;
}

/** A product in a grid: picture, name, price and whether it can be bought now. */
export function ProductCard({ product }: { product: ProductCardData }) {
  return (
    <li className="group flex flex-col rounded-2xl border border-slate-200 bg-white p-3 shadow-sm transition hover:shadow-md">
      <Link to={`/p/${product.slug}`} className="flex flex-1 flex-col gap-2 rounded-lg focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
        <ProductImage src={product.images[0]} alt="" size={240} className="w-full" />
        <h3 className="line-clamp-2 text-sm font-semibold text-slate-900 group-hover:text-teal-800 sm:text-base">{product.name}</h3>
        <p className="mt-auto flex flex-wrap items-baseline justify-between gap-1 text-sm">
          <span className="font-semibold text-slate-900">
            <PriceRange range={product.priceRange} />
          </span>
          {!product.inStock && <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">Sold out</span>}
        </p>
      </Link>
    </li>
  );
}

export function ProductGrid({ products, label }: { products: readonly ProductCardData[]; label: string }) {
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
      {products.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </ul>
  );
}
