import { cartAddInput, cartCouponInput, cartGetInput, cartLineInput, cartRemoveInput, cartUpdateInput } from "@bbscart/core/schemas";
import { loadCaller } from "../auth/caller.js";
import { clearCartCookie, newCartId, readCartCookie, setCartCookie } from "../http/cart-cookie.js";
import { rest } from "../rest/meta.js";
import { cartOutput } from "../contract/index.js";
import type { CartOwner } from "../services/cart/index.js";
import { AppError } from "../services/common/index.js";
import { publicProcedure, router, type Context } from "../trpc/init.js";

/**
 * Whose cart a request is about. A valid bearer token means the shopper's own cart; a guest
 * cookie arriving with it is merged into that cart first (the shopper just signed in) and then
 * cleared. Without a token the guest cookie names the cart, if there is one. /api/v1 has no
 * cookies, so there a cart is always a signed-in shopper's.
 */
async function ownerOf(ctx: Context): Promise<CartOwner | null> {
  const secure = ctx.services.cookies.secure;
  if (ctx.surface === "rest" && !ctx.bearer) throw new AppError("UNAUTHORIZED", "Sign in to use a cart");
  const guestId = ctx.surface === "rest" ? null : readCartCookie(ctx.req);
  if (ctx.bearer) {
    const caller = await loadCaller(ctx.services.db.repos.users, ctx.bearer);
    if ("refusal" in caller) throw new AppError("UNAUTHORIZED", caller.refusal);
    const { user } = caller;
    if (guestId) {
      await ctx.services.cart.mergeGuest(user.id, guestId);
      clearCartCookie(ctx.res, secure);
    }
    return { userId: user.id };
  }
  return guestId ? { guestId } : null;
}

/** The cart to change, starting a guest cart (and its cookie) on a guest's first add. */
async function ownerOrNew(ctx: Context): Promise<CartOwner> {
  const owner = await ownerOf(ctx);
  if (owner) return owner;
  const guestId = newCartId();
  setCartCookie(ctx.res, guestId, ctx.services.cookies.secure);
  return { guestId };
}

const cartTag = { tags: ["Cart"] };

export const cartRouter = router({
  get: publicProcedure
    .meta(rest({ ...cartTag, method: "GET", path: "/cart", summary: "The signed-in shopper's cart", description: "Lines, totals for a delivery option (the store's first when `deliveryOptionId` is absent), and the problems that stop checkout, each with its fix." }))
    .input(cartGetInput)
    .output(cartOutput)
    .query(async ({ ctx, input }) => ctx.services.cart.get(await ownerOf(ctx), input?.deliveryOptionId)),
  add: publicProcedure
    .meta(rest({ ...cartTag, method: "POST", path: "/cart/items", refuses: ["NOT_FOR_SALE", "QUANTITY_LIMIT", "NOT_ENOUGH_STOCK"], summary: "Add a variant to the cart", description: "Adds `quantity` (default 1) to the line of `variantId`, re-checking price and stock (a line never grows past the stock available: 409 `NOT_ENOUGH_STOCK`); answers with the whole cart." }))
    .input(cartAddInput)
    .output(cartOutput)
    .mutation(async ({ ctx, input }) => ctx.services.cart.add(await ownerOrNew(ctx), input)),
  updateQuantity: publicProcedure
    .meta(rest({ ...cartTag, method: "PATCH", path: "/cart/items/{variantId}", refuses: ["NOT_IN_CART", "QUANTITY_LIMIT", "NOT_ENOUGH_STOCK"], summary: "Change a line's quantity", description: "Zero removes the line; raising it past the stock available is refused (409, `NOT_ENOUGH_STOCK`)." }))
    .input(cartUpdateInput)
    .output(cartOutput)
    .mutation(async ({ ctx, input }) => ctx.services.cart.updateQuantity(await ownerOf(ctx), input)),
  remove: publicProcedure
    .meta(rest({ ...cartTag, method: "DELETE", path: "/cart/items/{variantId}", summary: "Remove a line" }))
    .input(cartRemoveInput)
    .output(cartOutput)
    .mutation(async ({ ctx, input }) => ctx.services.cart.remove(await ownerOf(ctx), input.variantId)),
  acceptPrice: publicProcedure
    .meta(rest({ ...cartTag, method: "POST", path: "/cart/items/{variantId}/accept-price", refuses: ["NOT_IN_CART", "NOT_FOR_SALE"], summary: "Accept a line's changed price", description: "The fix for a `PRICE_CHANGED` problem." }))
    .input(cartLineInput)
    .output(cartOutput)
    .mutation(async ({ ctx, input }) => ctx.services.cart.acceptPrice(await ownerOf(ctx), input.variantId)),
  applyCoupon: publicProcedure
    .meta(rest({ ...cartTag, method: "PUT", path: "/cart/coupon", refuses: ["COUPON_INVALID"], summary: "Apply a coupon code" }))
    .input(cartCouponInput)
    .output(cartOutput)
    .mutation(async ({ ctx, input }) => ctx.services.cart.applyCoupon(await ownerOrNew(ctx), input.code)),
  removeCoupon: publicProcedure
    .meta(rest({ ...cartTag, method: "DELETE", path: "/cart/coupon", summary: "Remove the coupon" }))
    .output(cartOutput)
    .mutation(async ({ ctx }) => ctx.services.cart.removeCoupon(await ownerOf(ctx))),
});
