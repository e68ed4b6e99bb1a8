import { formatMoney } from "@bbscart/core";
import { Link } from "react-router";
import { ProductImage } from "../catalog/product-image";
import type { CartActions, CartLine } from "./use-cart";

const imageUrl = (key: string | null) => (key ? `/uploads/${key}` : null);

/** The cart's lines with quantity steppers and "remove"; every change is re-checked by the API. */
export function CartLines({ lines, actions, editable = true }: { lines: readonly CartLine[]; actions: CartActions; editable?: boolean }) {
  const busy = actions.updateQuantity.isPending || actions.remove.isPending;
  return (
    <ul className="divide-y divide-slate-200" aria-label="Items in your cart">
      {lines.map((line) => {
        const name = line.name ?? "An item that is no longer sold";
        return (
          <li key={line.variantId} className="flex gap-3 py-4" data-testid="cart-line">
            <ProductImage src={imageUrl(line.image)} alt="" size={72} sizes="72px" className="h-18 w-18 shrink-0" />
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              {line.productSlug ? (
                <Link to={`/p/${line.productSlug}`} className="font-medium hover:text-teal-800">
                  {name}
                </Link>
              ) : (
                <span className="font-medium">{name}</span>
              )}
              <span className="text-sm text-slate-500">{formatMoney(line.unitPrice)} each</span>
              {editable ? (
                <div className="mt-1 flex items-center gap-3">
                  <div className="inline-flex items-center rounded-lg border border-slate-300" role="group" aria-label={`Quantity of ${name}`}>
                    <button
                      type="button"
                      className="px-3 py-1 text-lg disabled:opacity-40"
                      aria-label={`One fewer ${name}`}
                      disabled={busy}
                      onClick={() => actions.updateQuantity.mutate({ variantId: line.variantId, quantity: line.quantity - 1 })}
                    >
                      −
                    </button>
                    <span className="min-w-8 text-center tabular-nums" aria-live="polite" data-testid="line-quantity">
                      {line.quantity}
                    </span>
                    <button
                      type="button"
                      className="px-3 py-1 text-lg disabled:opacity-40"
                      aria-label={`One more ${name}`}
                      disabled={busy}
                      onClick={() => actions.updateQuantity.mutate({ variantId: line.variantId, quantity: line.quantity + 1 })}
                    >
                      +
                    </button>
                  </div>
                  <button type="button" className="text-sm text-slate-600 underline-offset-2 hover:underline" disabled={busy} onClick={() => actions.remove.mutate({ variantId: line.variantId })}>
                    Remove<span className="sr-only"> {name}</span>
                  </button>
                </div>
              ) : (
                <span className="text-sm text-slate-600">Quantity {line.quantity}</span>
              )}
            </div>
            <span className="font-semibold tabular-nums">{formatMoney({ ...line.unitPrice, minor: line.unitPrice.minor * line.quantity })}</span>
          </li>
        );
      })}
    </ul>
  );
}
