import { orderIdInput, orderListInput, orderTransitionInput, refundIdInput, refundInput } from "@bbscart/core/schemas";
import { adminProcedure, router } from "../trpc/init.js";

export const adminOrdersRouter = router({
  list: adminProcedure("orders.manage")
    .input(orderListInput)
    .query(({ ctx, input }) => ctx.services.adminOrders.list(ctx.actor, input)),
  byId: adminProcedure("orders.manage")
    .input(orderIdInput)
    .query(({ ctx, input }) => ctx.services.adminOrders.detail(ctx.actor, input.orderId)),
  transition: adminProcedure("orders.manage")
    .input(orderTransitionInput)
    .mutation(({ ctx, input }) => ctx.services.adminOrders.transition({ user: ctx.user, actor: ctx.actor, requestId: ctx.requestId }, input)),
  refund: adminProcedure("refunds.issue")
    .input(refundInput)
    .mutation(({ ctx, input }) => ctx.services.adminOrders.refund({ user: ctx.user, actor: ctx.actor, requestId: ctx.requestId }, input)),
  retryRefund: adminProcedure("refunds.issue")
    .input(refundIdInput)
    .mutation(({ ctx, input }) => ctx.services.adminOrders.retryRefund({ user: ctx.user, actor: ctx.actor, requestId: ctx.requestId }, input)),
});
