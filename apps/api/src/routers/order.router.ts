import type { Actor, User } from "@bbscart/core";
import { creditNoteInput, myOrdersInput, orderIdInput, orderReasonInput, placeOrderInput, returnRequestInput, verifyPaymentInput } from "@bbscart/core/schemas";
import { adminRefusal } from "../auth/caller.js";
import { rest } from "../rest/meta.js";
import type { Services } from "../services/index.js";
import { documentFileOutput, myOrdersOutput, orderTaxDocumentsOutput, orderOutput, paymentSessionOutput, placedOrderOutput } from "../contract/index.js";
import { authedProcedure, router } from "../trpc/init.js";

const orderTag = { tags: ["Orders"] };

/** What the state machine (and the unit of work around it) can refuse a shopper's action with. */
const orderActionRefusals = ["ORDER_NOT_FOUND", "ORDER_BUSY", "INVALID_TRANSITION", "NOT_ALLOWED", "GUARD_FAILED"] as const;

/**
 * Who asks for an order's GST documents: staff are admins who may manage orders (the same rule,
 * second factor included, as the admin procedures), so the console downloads through these too.
 */
function viewerOf(ctx: { user: User; actor: Actor; services: Services }) {
  return { userId: ctx.user.id, staff: adminRefusal(ctx.user, ctx.actor, "orders.manage", ctx.services.policy.adminTotpRequired) === null };
}

const documentAccess = "For the order's owner and for admins with `orders.manage`; anyone else, and an order with no such document yet, is 404.";

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
  documents: authedProcedure
    .meta(rest({ ...orderTag, method: "GET", path: "/orders/{orderId}/documents", summary: "The order's GST documents", description: `Its tax invoice (or bill of supply) and credit notes as issued, with every figure they print, in issue order; empty until the order is confirmed. ${documentAccess}` }))
    .input(orderIdInput)
    .output(orderTaxDocumentsOutput)
    .query(({ ctx, input }) => ctx.services.invoices.list(viewerOf(ctx), input.orderId)),
  invoice: authedProcedure
    .meta(rest({ ...orderTag, method: "GET", path: "/orders/{orderId}/invoice", file: "application/pdf", summary: "The order's GST invoice as PDF", description: `The tax invoice, or the bill of supply the shop issued before it had a GSTIN. ${documentAccess}` }))
    .input(orderIdInput)
    .output(documentFileOutput)
    .query(({ ctx, input }) => ctx.services.invoices.invoicePdf(viewerOf(ctx), input.orderId)),
  creditNote: authedProcedure
    .meta(rest({ ...orderTag, method: "GET", path: "/orders/{orderId}/credit-notes/{number}", file: "application/pdf", summary: "One of the order's credit notes as PDF", description: `\`number\` as printed (percent-encode its slashes), as \`/documents\` lists it. ${documentAccess}` }))
    .input(creditNoteInput)
    .output(documentFileOutput)
    .query(({ ctx, input }) => ctx.services.invoices.creditNotePdf(viewerOf(ctx), input.orderId, input.number)),
});
