import { guestCheckoutInput, orderTokenInput, trackOrderInput, verifyPaymentInput } from "@bbscart/core/schemas";
import { readCartCookie } from "../http/cart-cookie.js";
import { rest } from "../rest/meta.js";
import { guestOrderOutput, guestPlacedOrderOutput, paymentSessionOutput } from "../contract/index.js";
import { authedProcedure, publicProcedure, router } from "../trpc/init.js";

const guestTag = { tags: ["Guest orders"] };

/** Guest checkout and the guest's order page (ADRs 141, 142): no account, so every procedure is public. */
export const guestRouter = router({
  checkout: publicProcedure
    .meta(
      rest({
        ...guestTag,
        method: "POST",
        path: "/guest/orders",
        protect: false,
        created: "/order-links/{token}",
        idempotencyHeader: true,
        refuses: [
          "EMPTY_CART",
          "CART_NEEDS_ATTENTION",
          "ADDRESS_NEEDS_FIX",
          "COD_UNAVAILABLE",
          "CURRENCY_MISMATCH",
          "OUT_OF_STOCK",
          "COUPON_UNAVAILABLE",
          "IDEMPOTENCY_KEY_EXPIRED",
          "IDEMPOTENCY_KEY_REUSED",
        ],
        summary: "Place an order without an account",
        description:
          "For a guest: `email` and `phone` (a 10-digit Indian mobile number, or E.164), a new `address`, `lines` (`variantId`, `quantity`) and an optional `couponCode`; " +
          "pay by `card` or `cod` (a wallet needs an account). Send an `Idempotency-Key` header as for POST /orders: a retry with the same key and body answers with the same order. " +
          "A once-per-customer coupon counts the guest by email and by phone, and an account by its own email. " +
          "Answers 201 with the order's signed `token` (`Location: /api/v1/order-links/{token}`); the confirmation email carries the same link.",
      }),
    )
    .input(guestCheckoutInput)
    .output(guestPlacedOrderOutput)
    // The web checks out the guest's cookie cart; /api/v1 reads no cookies and takes the body's lines.
    .mutation(({ ctx, input }) => ctx.services.guests.place(input, ctx.surface === "rest" ? null : readCartCookie(ctx.req))),
  track: publicProcedure
    .meta(
      rest({
        ...guestTag,
        method: "POST",
        path: "/guest/orders/track",
        protect: false,
        refuses: ["TRACKING_NO_MATCH", "TRACKING_THROTTLED"],
        summary: "Find an order by its number and email or phone",
        description:
          "`number` (`BB-10423`) with the `email` or the `phone` the order was placed with. A wrong number and a wrong email or phone get the same 404. " +
          "Lookups are limited per client address and per order number (429 with `Retry-After`).",
      }),
    )
    .input(trackOrderInput)
    .output(guestOrderOutput)
    .mutation(({ ctx, input }) => ctx.services.guests.track(input, ctx.ip)),
  byToken: publicProcedure
    .meta(
      rest({
        ...guestTag,
        method: "GET",
        path: "/order-links/{token}",
        protect: false,
        refuses: ["ORDER_LINK_INVALID"],
        summary: "The order a signed link opens",
        description: "The `token` of a guest checkout's answer or its emails. A malformed, altered or expired token is 404.",
      }),
    )
    .input(orderTokenInput)
    .output(guestOrderOutput)
    .query(({ ctx, input }) => ctx.services.guests.byToken(input.token)),
  payment: publicProcedure
    .meta(
      rest({
        ...guestTag,
        method: "POST",
        path: "/order-links/{token}/payment",
        protect: false,
        refuses: ["ORDER_LINK_INVALID", "NOT_A_CARD_ORDER", "NOT_AWAITING_PAYMENT"],
        summary: "Pay again by card for a guest's order",
        description: "For a card order still awaiting payment (after a failed payment): a fresh `clientSecret` for the payment page.",
      }),
    )
    .input(orderTokenInput)
    .output(paymentSessionOutput)
    .mutation(({ ctx, input }) => ctx.services.guests.payment(input.token)),
  /**
   * A signed-in shopper adds the guest orders of their email to their account, proving the mailbox
   * with one order's link (ADR 141); web only, like the order page that offers it.
   */
  claim: authedProcedure.input(orderTokenInput).mutation(({ ctx, input }) => ctx.services.guests.claimByLink(ctx.user, input.token)),
  /** Razorpay Checkout's handler result for a guest's order (web only, as for accounts). */
  verifyPayment: publicProcedure
    .input(orderTokenInput.extend(verifyPaymentInput.omit({ orderId: true }).shape))
    .mutation(({ ctx, input }) => ctx.services.guests.verifyPayment(input)),
});
