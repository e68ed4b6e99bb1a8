import { myOrdersInput, orderIdInput, orderReasonInput, placeOrderInput, returnRequestInput, verifyPaymentInput } from "@bbscart/core/schemas";
import { rest } from "../rest/meta.js";
import { myOrdersOutput, orderOutput, orderTaxDocumentsOutput, paymentSessionOutput, placedOrderOutput } from "../contract/index.js";
import { authedProcedure, router } from "../trpc/init.js";

const orderTag = { tags: ["Orders"] };

/** What the state machine (and the unit of work around it) can refuse a shopper's action with. */
const orderActionRefusals = ["ORDER_NOT_FOUND", "ORDER_BUSY", "INVALID_TRANSITION", "NOT_ALLOWED", "GUARD_FAILED"] as const;

export const orderRouter = router({
  place: authedProcedure
    .meta(
      rest({
        ...orderTag,
        method: "POST",
        path: "/orders",
        created: "/orders/{orderId}",
        idempotencyHeader: true,
        refuses: [
          "EMPTY_CART",
          "CART_NEEDS_ATTENTION",
          "ADDRESS_NOT_FOUND",
          "ADDRESS_NEEDS_FIX",
          "COD_UNAVAILABLE",
          "CURRENCY_MISMATCH",
          "OUT_OF_STOCK",
          "COUPON_UNAVAILABLE",
          "INSUFFICIENT_FUNDS",
          "IDEMPOTENCY_KEY_EXPIRED",
          "IDEMPOTENCY_KEY_REUSED",
        ],
        summary: "Place an order from the cart",
        description:
          "Send an `Idempotency-Key` header (8–100 letters, digits, `-` or `_`), new for each checkout: a retry with the same key and body answers with the same order, " +
          "the same key with a different body is refused with 409. Answers 201 with `Location: /api/v1/orders/{id}`. " +
          "Stock is reserved at once; a wallet order is paid on placement, a card order answers with the `clientSecret` the payment page needs.",
      }),
    )
    .input(placeOrderInput)
    .output(placedOrderOutput)
    .mutation(({ ctx, input }) => ctx.services.checkout.place(ctx.user, input)),
  list: authedProcedure
    .meta(rest({ ...orderTag, method: "GET", path: "/orders", paginated: true, summary: "The shopper's own orders, newest first", description: "Cursor-paginated with a `Link: <…>; rel=\"next\"` header." }))
    .input(myOrdersInput)
    .output(myOrdersOutput)
    .query(({ ctx, input }) => ctx.services.orders.list(ctx.user, input)),
  byId: authedProcedure
    .meta(rest({ ...orderTag, method: "GET", path: "/orders/{orderId}", summary: "One of the shopper's orders", description: "With its timeline (`history`) and the `actions` the shopper may take now. Someone else's order is 404." }))
    .input(orderIdInput)
    .output(orderOutput)
    .query(({ ctx, input }) => ctx.services.orders.byId(ctx.user, input.orderId)),
  taxDocuments: authedProcedure
    .meta(
      rest({
        ...orderTag,
        method: "GET",
        path: "/orders/{orderId}/tax-documents",
        summary: "The GST invoice and credit notes of one of the shopper's orders",
        description: "As issued: the invoice (or bill of supply) when the order was confirmed, a credit note per refund. Someone else's order is 404.",
      }),
    )
    .input(orderIdInput)
    .output(orderTaxDocumentsOutput)
    .query(({ ctx, input }) => ctx.services.invoices.forShopper(ctx.user, input.orderId)),
  payment: authedProcedure
    .meta(rest({ ...orderTag, method: "POST", path: "/orders/{orderId}/payment", refuses: ["NOT_A_CARD_ORDER", "NOT_AWAITING_PAYMENT"], summary: "Pay again by card", description: "For a card order still awaiting payment: a fresh `clientSecret` for the payment page." }))
    .input(orderIdInput)
    .output(paymentSessionOutput)
    .mutation(({ ctx, input }) => ctx.services.orders.payment(ctx.user, input.orderId)),
  /** Razorpay Checkout's handler result, verified before the page shows success (web only: REST clients wait for the order's status). */
  verifyPayment: authedProcedure.input(verifyPaymentInput).mutation(({ ctx, input }) => ctx.services.orders.verifyPayment(ctx.user, input)),
  cancel: authedProcedure
    .meta(rest({ ...orderTag, method: "POST", path: "/orders/{orderId}/cancel", refuses: orderActionRefusals, summary: "Cancel an order before it ships", description: "Releases the stock and refunds what was paid." }))
    .input(orderReasonInput)
    .output(orderOutput)
    .mutation(({ ctx, input }) => ctx.services.orders.cancel(ctx.user, input)),
  requestReturn: authedProcedure
    .meta(
      rest({
        ...orderTag,
        method: "POST",
        path: "/orders/{orderId}/return",
        refuses: [...orderActionRefusals, "RETURN_LINE_UNKNOWN", "RETURN_LINE_REPEATED", "RETURN_EXCEEDS_UNITS"],
        summary: "Ask to return some units of a delivered order",
        description:
          "`lines`: which lines (`variantId`) and how many units of each — no more than `returnable` says is left; `reason`: " +
          "`damaged`, `wrong_item`, `not_as_described`, `no_longer_needed` or `other`; `note`: free text. Within the store's return window, one return at a time; " +
          "staff approve or reject each line, and the refund is computed from what those units paid.",
      }),
    )
    .input(returnRequestInput)
    .output(orderOutput)
    .mutation(({ ctx, input }) => ctx.services.orders.requestReturn(ctx.user, input)),
});
