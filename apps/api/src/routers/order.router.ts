import { myOrdersInput, orderIdInput, orderReasonInput, placeOrderInput } from "@bbscart/core/schemas";
import { authedProcedure, router } from "../trpc/init.js";

export const orderRouter = router({
  place: authedProcedure.input(placeOrderInput).mutation(({ ctx, input }) => ctx.services.checkout.place(ctx.user, input)),
  list: authedProcedure.input(myOrdersInput).query(({ ctx, input }) => ctx.services.orders.list(ctx.user, input)),
  byId: authedProcedure.input(orderIdInput).query(({ ctx, input }) => ctx.services.orders.byId(ctx.user, input.orderId)),
  payment: authedProcedure.input(orderIdInput).mutation(({ ctx, input }) => ctx.services.orders.payment(ctx.user, input.orderId)),
  cancel: authedProcedure.input(orderReasonInput).mutation(({ ctx, input }) => ctx.services.orders.cancel(ctx.user, input)),
  requestReturn: authedProcedure.input(orderReasonInput).mutation(({ ctx, input }) => ctx.services.orders.requestReturn(ctx.user, input)),
});
