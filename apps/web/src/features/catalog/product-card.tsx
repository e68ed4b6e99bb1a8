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

/** How wide a card's picture is drawn: a quarter of the page on wide screens, a third, or half a phone. */
const cardImageSizes = "(min-width: 1024px) 16rem, (min-width: 640px) 30vw, 40vw";

/** A product in a grid: picture, name, price and whether it can be bought now. */
export function ProductCard({ product, priority = false }: { product: ProductCardData; priority?: boolean }) {
  return (
    <li className="group flex flex-col rounded-2xl border border-slate-200 bg-white p-3 shadow-sm transition hover:shadow-md">
      <Link to={`/p/${product.slug}`} className="flex flex-1 flex-col gap-2 rounded-lg focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
        <ProductImage src={product.images[0]} alt={product.imageAlts[0] ?? ""} size={240} sizes={cardImageSizes} priority={priority} className="w-full" />
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

/**
 * Products in a grid. `priorityCount` cards (a phone's first row) fetch their pictures first, where
 * the grid starts the page's first screen and one of them is its largest paint.
 */
export function ProductGrid({ products, label, priorityCount = 0 }: { products: readonly ProductCardData[]; label: string; priorityCount?: number }) {
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4">
      {products.map((product, index) => (
        <ProductCard key={product.id} product={product} priority={index < priorityCount} />
      ))}
    </ul>
  );
}
