import { formatMoney } from "@bbscart/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useCartActions } from "../features/cart/use-cart";
import { ProductImage } from "../features/catalog/product-image";
import { serverErrors } from "../features/forms/field-errors";
import { usePageMeta } from "../features/layout/page-meta";
import { ErrorState, Loading } from "../features/ui/states";
import { button } from "../features/ui/styles";
import { trpc, type RouterOutputs } from "../lib/trpc";

type Product = RouterOutputs["catalog"]["bySlug"];

export function ProductPage() {
  const { slug = "" } = useParams();
  const product = trpc.catalog.bySlug.useQuery({ slug }, { enabled: slug !== "" });
  const missing = product.error?.data?.code === "NOT_FOUND";
  usePageMeta(product.data?.name ?? (missing ? "Product not found" : null), product.data?.description.slice(0, 160));
  if (product.data) return <ProductDetail key={product.data.id} product={product.data} />;
  if (missing) {
    return (
      <section className="py-16 text-center">
        <h1 className="text-2xl font-bold">This product is not available</h1>
        <Link to="/search" className="mt-4 inline-block font-semibold text-teal-700 hover:underline">
          Browse the shop
        </Link>
      </section>
    );
  }
  if (product.error) return <ErrorState error={product.error} onRetry={product.refetch} />;
  return <Loading label="Loading the product…" />;
}

function ProductDetail({ product }: { product: Product }) {
  const firstInStock = product.variants.find((v) => v.inStock) ?? product.variants[0];
  const [variantId, setVariantId] = useState(firstInStock?.id ?? null);
  const variant = product.variants.find((v) => v.id === variantId) ?? null;
  const { add } = useCartActions();
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);

  const addToCart = () => {
    if (!variant) return;
    setStatus(null);
    add.mutate(
      { variantId: variant.id, quantity: 1 },
      {
        onSuccess: () => setStatus({ ok: true, message: `Added ${product.name}${variant.name ? ` (${variant.name})` : ""} to your cart.` }),
        onError: (error) => setStatus({ ok: false, message: Object.values(serverErrors(error))[0] ?? "Could not add this item." }),
      },
    );
  };

  return (
    <article className="grid grid-cols-1 gap-8 md:grid-cols-2">
      <ProductImage src={product.images[0]} alt={product.name} size={560} sizes="(min-width: 768px) min(50vw, 34rem), calc(100vw - 2rem)" priority className="w-full" />
      <div className="flex flex-col gap-5">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link to="/search" className="hover:underline">
            Shop
          </Link>
          {product.category && (
            <>
              {" / "}
              <Link to={`/search?category=${product.category.slug}`} className="hover:underline">
                {product.category.name}
              </Link>
            </>
          )}
        </nav>
        <h1 className="text-3xl font-bold tracking-tight">{product.name}</h1>
        <p className="text-2xl font-semibold" data-testid="price">
          {variant ? formatMoney(variant.price) : "—"}
        </p>
        {product.variants.length > 1 && (
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-700">Choose an option</legend>
            <div className="flex flex-wrap gap-2">
              {product.variants.map((option) => (
                <label
                  key={option.id}
                  className="cursor-pointer rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm has-checked:border-teal-700 has-checked:bg-teal-50 has-checked:ring-2 has-checked:ring-teal-700/30 has-focus-visible:ring-2 has-focus-visible:ring-teal-600"
                >
                  <input type="radio" name="variant" value={option.id} className="sr-only" checked={option.id === variantId} onChange={() => setVariantId(option.id)} />
                  <span className="font-medium">{option.name || option.sku}</span>
                  <span className="ml-2 text-slate-500">{formatMoney(option.price)}</span>
                  {!option.inStock && <span className="ml-2 text-xs text-red-700">sold out</span>}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <p className={variant?.inStock ? "font-medium text-emerald-700" : "font-medium text-red-700"} data-testid="stock-state">
          {variant?.inStock ? "In stock" : "Out of stock"}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className={button.primary} disabled={!variant?.inStock || add.isPending} onClick={addToCart}>
            {add.isPending ? "Adding…" : "Add to cart"}
          </button>
          <Link to="/cart" className={button.secondary}>
            View cart
          </Link>
        </div>
        <p aria-live="polite" role="status" className={status?.ok === false ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
          {status?.message}
        </p>
        <p className="leading-relaxed text-slate-700">{product.description}</p>
      </div>
    </article>
  );
}
