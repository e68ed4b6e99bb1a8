import { trpc, type RouterOutputs } from "../../lib/trpc";
import { useSession } from "../auth/use-session";

export type CartView = RouterOutputs["cart"]["get"];
export type CartLine = CartView["lines"][number];
export type CartProblem = CartView["problems"][number];

/**
 * The shopper's cart (guest or signed in). It waits until the session is known, so a signed-in
 * shopper never sees their guest cart flash first; the first signed-in call merges the guest cart.
 */
export function useCart(deliveryOptionId?: string) {
  const current = useSession();
  return trpc.cart.get.useQuery(deliveryOptionId ? { deliveryOptionId } : undefined, { enabled: current.status !== "unknown" });
}

/**
 * Every cart change answers with the whole re-checked cart: it replaces the cached one at once,
 * and the cart as seen with another delivery option (checkout) is fetched again.
 */
export function useCartActions() {
  const utils = trpc.useUtils();
  const onSuccess = (cart: CartView) => {
    utils.cart.get.setData(undefined, cart);
    void utils.cart.get.invalidate();
  };
  return {
    add: trpc.cart.add.useMutation({ onSuccess }),
    updateQuantity: trpc.cart.updateQuantity.useMutation({ onSuccess }),
    remove: trpc.cart.remove.useMutation({ onSuccess }),
    acceptPrice: trpc.cart.acceptPrice.useMutation({ onSuccess }),
    applyCoupon: trpc.cart.applyCoupon.useMutation({ onSuccess }),
    removeCoupon: trpc.cart.removeCoupon.useMutation({ onSuccess }),
  };
}

export type CartActions = ReturnType<typeof useCartActions>;

export const itemCount = (cart: CartView | undefined) => cart?.lines.reduce((count, line) => count + line.quantity, 0) ?? 0;

/** Changes whenever the cart does: one checkout attempt (and its idempotency key) per version of the cart. */
export const cartSignature = (cart: CartView) =>
  [cart.updatedAt.toISOString(), cart.couponCode ?? "", ...cart.lines.map((l) => `${l.variantId}x${l.quantity}`)].join("|");
