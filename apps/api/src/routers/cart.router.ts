import { actorFor } from "@bbscart/core";
import { cartAddInput, cartCouponInput, cartGetInput, cartLineInput, cartRemoveInput, cartUpdateInput } from "@bbscart/core/schemas";
import { TRPCError } from "@trpc/server";
import { clearCartCookie, newCartId, readCartCookie, setCartCookie } from "../http/cart-cookie.js";
import type { CartOwner } from "../services/cart.service.js";
import { publicProcedure, router, type Context } from "../trpc/init.js";

/**
 * Whose cart a request is about. A valid bearer token means the shopper's own cart; a guest
 * cookie arriving with it is merged into that cart first (the shopper just signed in) and then
 * cleared. Without a token the guest cookie names the cart, if there is one.
 */
async function ownerOf(ctx: Context): Promise<CartOwner | null> {
  const secure = ctx.services.cookies.secure;
  const guestId = readCartCookie(ctx.req);
  if (ctx.bearer) {
    if ("error" in ctx.bearer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has expired; sign in again" });
    const user = await ctx.services.db.repos.users.findById(ctx.bearer.userId);
    if (!user || !actorFor(user)) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
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

export const cartRouter = router({
  get: publicProcedure.input(cartGetInput).query(async ({ ctx, input }) => ctx.services.cart.get(await ownerOf(ctx), input?.deliveryOptionId)),
  add: publicProcedure.input(cartAddInput).mutation(async ({ ctx, input }) => ctx.services.cart.add(await ownerOrNew(ctx), input)),
  updateQuantity: publicProcedure
    .input(cartUpdateInput)
    .mutation(async ({ ctx, input }) => ctx.services.cart.updateQuantity(await ownerOf(ctx), input)),
  remove: publicProcedure.input(cartRemoveInput).mutation(async ({ ctx, input }) => ctx.services.cart.remove(await ownerOf(ctx), input.variantId)),
  acceptPrice: publicProcedure
    .input(cartLineInput)
    .mutation(async ({ ctx, input }) => ctx.services.cart.acceptPrice(await ownerOf(ctx), input.variantId)),
  applyCoupon: publicProcedure.input(cartCouponInput).mutation(async ({ ctx, input }) => ctx.services.cart.applyCoupon(await ownerOrNew(ctx), input.code)),
  removeCoupon: publicProcedure.mutation(async ({ ctx }) => ctx.services.cart.removeCoupon(await ownerOf(ctx))),
});
