import { formatMoney } from "@bbscart/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useCart, useCartActions } from "../features/cart/use-cart";
import { ProductImage } from "../features/catalog/product-image";
import { serverErrors } from "../features/forms/field-errors";
import { usePageMeta } from "../features/layout/page-meta";
import { ErrorState, Loading } from "../features/ui/states";
import { button } from "../features/ui/styles";
import { trpc, type RouterOutputs } from "../lib/trpc";

type Product = RouterOutputs["catalog"]["bySlug"];
type Variant = Product["variants"][number];

/** The picker's longest list when plenty is left; the cart's own limit is higher, but nobody scrolls to 99. */
const PICKER_MAX = 10;

/** What the page says about stock: the count only when few are left. */
function stockState(variant: Variant | null): { text: string; tone: string } {
  if (!variant?.inStock) return { text: "Out of stock", tone: "text-red-700" };
  if (variant.onlyLeft !== null) return { text: `Only ${variant.onlyLeft} left`, tone: "text-amber-800" };
  return { text: "In stock", tone: "text-emerald-700" };
}

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

/**
 * The product's pictures in their order: the chosen one large, the others as buttons beneath it.
 * Each picture's `alt` is the admin's text, or the product's name where none was written (the API
 * fills that in, so the shop and the server-rendered first view say the same).
 */
function Gallery({ product }: { product: Product }) {
  const [shown, setShown] = useState(0);
  const count = product.images.length;
  const alt = (index: number) => product.imageAlts[index] ?? product.name;
  return (
    <div className="flex flex-col gap-3">
      <ProductImage src={product.images[shown]} alt={alt(shown)} size={560} sizes="(min-width: 768px) min(50vw, 34rem), calc(100vw - 2rem)" priority className="w-full" />
      {count > 1 && (
        <ul className="flex flex-wrap gap-2" aria-label="Pictures">
          {product.images.map((src, index) => (
            <li key={src}>
              <button
                type="button"
                aria-label={`Show picture ${index + 1} of ${count}: ${alt(index)}`}
                aria-pressed={index === shown}
                onClick={() => setShown(index)}
                className="block w-16 overflow-hidden rounded-md border border-slate-300 aria-pressed:border-teal-700 aria-pressed:ring-2 aria-pressed:ring-teal-700/40"
              >
                <ProductImage src={src} alt="" size={64} sizes="4rem" className="w-16" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ProductDetail({ product }: { product: Product }) {
  const firstInStock = product.variants.find((v) => v.inStock) ?? product.variants[0];
  const [variantId, setVariantId] = useState(firstInStock?.id ?? null);
  const [quantity, setQuantity] = useState(1);
  const variant = product.variants.find((v) => v.id === variantId) ?? null;
  const cart = useCart();
  const { add } = useCartActions();
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const inCart = cart.data?.lines.find((line) => line.variantId === variantId)?.quantity ?? 0;
  // With few left, the picker offers only what can still join the cart; the server refuses beyond it anyway.
  const left = variant?.onlyLeft ?? null;
  const pickable = left !== null ? Math.max(left - inCart, 0) : PICKER_MAX;
  const state = stockState(variant);
  const single = product.variants.length === 1 ? product.variants[0] : null;

  const choose = (id: string) => {
    setVariantId(id);
    setQuantity(1);
  };

  const addToCart = () => {
    if (!variant) return;
    setStatus(null);
    add.mutate(
      { variantId: variant.id, quantity },
      {
        onSuccess: () => {
          setStatus({ ok: true, message: `Added ${quantity} × ${product.name}${variant.name ? ` (${variant.name})` : ""} to your cart.` });
          setQuantity(1);
        },
        onError: (error) => setStatus({ ok: false, message: Object.values(serverErrors(error))[0] ?? "Could not add this item." }),
      },
    );
  };

  return (
    <article className="grid grid-cols-1 gap-8 md:grid-cols-2">
      <Gallery product={product} />
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
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{product.name}</h1>
          {single?.name && (
            <p className="mt-1 text-lg text-slate-700" data-testid="variant-name">
              {single.name}
            </p>
          )}
        </div>
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
                  <input type="radio" name="variant" value={option.id} className="sr-only" checked={option.id === variantId} onChange={() => choose(option.id)} />
                  <span className="font-medium">{option.name || option.sku}</span>
                  <span className="ml-2 text-slate-500">{formatMoney(option.price)}</span>
                  {!option.inStock && <span className="ml-2 text-xs text-red-700">sold out</span>}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <p className={`font-medium ${state.tone}`} data-testid="stock-state">
          {state.text}
        </p>
        {variant?.inStock && pickable === 0 ? (
          <p className="text-sm text-slate-700" data-testid="all-in-cart">
            All {variant.onlyLeft} left are in your cart.
          </p>
        ) : null}
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm font-medium text-slate-700">
            Quantity
            <select
              className="mt-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
              value={quantity}
              disabled={!variant?.inStock || pickable === 0}
              onChange={(event) => setQuantity(Number(event.target.value))}
            >
              {Array.from({ length: Math.max(pickable, 1) }, (_, index) => index + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className={button.primary} disabled={!variant?.inStock || pickable === 0 || add.isPending} onClick={addToCart}>
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
