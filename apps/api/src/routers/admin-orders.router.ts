import { orderBulkFulfilInput, orderIdInput, orderListInput, orderTransitionInput, refundIdInput, refundInput, returnQuoteInput } from "@bbscart/core/schemas";
import { rest } from "../rest/meta.js";
import { adminBulkFulfilOutput, adminOrderOutput, adminOrderPageOutput, adminRefundOutput, orderTaxDocumentsOutput, returnQuoteOutput } from "../contract/index.js";
import { adminProcedure, router } from "../trpc/init.js";

const adminTag = { tags: ["Admin"] };

export const adminOrdersRouter = router({
  list: adminProcedure("orders.manage")
    .meta(
      rest({
        ...adminTag,
        method: "GET",
        path: "/admin/orders",
        paginated: true,
        summary: "All orders, filtered",
        description: "Needs `orders.manage`. Filters combine with AND; `placedFrom`/`placedTo` are ISO 8601 date-times. Cursor-paginated with a `Link` header.",
      }),
    )
    .input(orderListInput)
    .output(adminOrderPageOutput)
    .query(({ ctx, input }) => ctx.services.adminOrders.list(ctx.actor, input)),
  byId: adminProcedure("orders.manage")
    .meta(rest({ ...adminTag, method: "GET", path: "/admin/orders/{orderId}", summary: "One order with its customer, transfers and available events", description: "Needs `orders.manage`." }))
    .input(orderIdInput)
    .output(adminOrderOutput)
    .query(({ ctx, input }) => ctx.services.adminOrders.detail(ctx.actor, input.orderId)),
  taxDocuments: adminProcedure("orders.manage")
    .meta(
      rest({
        ...adminTag,
        method: "GET",
        path: "/admin/orders/{orderId}/tax-documents",
        summary: "The GST invoice and credit notes of an order",
        description: "Needs `orders.manage`. As issued: the invoice (or bill of supply) when the order was confirmed, a credit note per refund.",
      }),
    )
    .input(orderIdInput)
    .output(orderTaxDocumentsOutput)
    .query(({ ctx, input }) => ctx.services.invoices.forAdmin(input.orderId)),
  transition: adminProcedure("orders.manage")
    .meta(
      rest({
        ...adminTag,
        method: "POST",
        path: "/admin/orders/{orderId}/events",
        refuses: [
          "ORDER_NOT_FOUND",
          "ORDER_BUSY",
          "INVALID_TRANSITION",
          "NOT_ALLOWED",
          "GUARD_FAILED",
          "NO_RETURN_TO_DECIDE",
          "RETURN_DECISIONS_MISMATCH",
          "RETURN_NONE_APPROVED",
          "RETURN_EXCEEDS_REFUNDABLE",
          "REFUND_DESTINATION_UNAVAILABLE",
        ],
        summary: "Advance, cancel or settle a return",
        description:
          "Needs `orders.manage`. `event.type` is one of `availableEvents`: `pack`, `ship` (with `carrier` and `trackingNumber`), `deliver`, `cancel` (with `reason`), " +
          "`request_return` (with `lines`, `reason`, `note`, for the shopper), `approve_return` (needs `refunds.issue`; `lines`: `{ variantId, approve }` for each line of the return, " +
          "`destination`, and `override`: null for the amount core computed — `returnQuote` — or `{ amountMinor, reason }`), `reject_return` (with `reason`), " +
          "`receive_return` (with `restock`; refunds the approved amount).",
      }),
    )
    .input(orderTransitionInput)
    .output(adminOrderOutput)
    .mutation(({ ctx, input }) => ctx.services.adminOrders.transition({ user: ctx.user, actor: ctx.actor, requestId: ctx.requestId }, input)),
  bulkFulfil: adminProcedure("orders.manage")
    .meta(
      rest({
        ...adminTag,
        method: "POST",
        path: "/admin/orders/fulfilment",
        summary: "Pack or ship many orders, each on its own",
        description:
          "Needs `orders.manage`. `items`: up to 50 `{ orderId, event }` with `event` `pack` or `ship` (its own `carrier` and `trackingNumber`). " +
          "Each order goes through the state machine in its own transaction and is audited; a refused order is reported in its row (`ok: false`, `error`) and the others go ahead.",
      }),
    )
    .input(orderBulkFulfilInput)
    .output(adminBulkFulfilOutput)
    .mutation(({ ctx, input }) => ctx.services.adminOrders.bulkFulfil({ user: ctx.user, actor: ctx.actor, requestId: ctx.requestId }, input)),
  /** The console's preview while the admin ticks lines (the order page carries the quote for every line). */
  returnQuote: adminProcedure("orders.manage")
    .input(returnQuoteInput)
    .output(returnQuoteOutput)
    .query(({ ctx, input }) => ctx.services.adminOrders.returnQuote(input)),
  refund: adminProcedure("refunds.issue")
    .meta(
      rest({
        ...adminTag,
        method: "POST",
        path: "/admin/orders/{orderId}/refunds",
        idempotencyHeader: true,
        refuses: [
          "ORDER_NOT_FOUND",
          "ORDER_BUSY",
          "NOT_ALLOWED",
          "INVALID_AMOUNT",
          "REFUND_EXCEEDS_CAPTURED",
          "REFUND_DESTINATION_UNAVAILABLE",
          "UNKNOWN_LINE",
          "QUANTITY_EXCEEDS_LINE",
          "REFUND_EXCEEDS_ITEMS",
          "IDEMPOTENCY_KEY_REUSED",
        ],
        summary: "Refund part or all of what was captured",
        description: "Needs `refunds.issue`. To the wallet or back to the card; never more than `refundable`.",
      }),
    )
    .input(refundInput)
    .output(adminRefundOutput)
    .mutation(({ ctx, input }) => ctx.services.adminOrders.refund({ user: ctx.user, actor: ctx.actor, requestId: ctx.requestId }, input)),
  retryRefund: adminProcedure("refunds.issue")
    .input(refundIdInput)
    .mutation(({ ctx, input }) => ctx.services.adminOrders.retryRefund({ user: ctx.user, actor: ctx.actor, requestId: ctx.requestId }, input)),
});
