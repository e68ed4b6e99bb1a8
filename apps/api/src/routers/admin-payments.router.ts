import { reconciliationsInput, webhookEventsInput } from "@bbscart/core/schemas";
import { adminProcedure, router } from "../trpc/init.js";

/** Payments health for operators: recent webhook events with their processing state, and reconciliation's repairs. */
export const adminPaymentsRouter = router({
  webhookEvents: adminProcedure("operations.view")
    .input(webhookEventsInput)
    .query(({ ctx, input }) => ctx.services.payments.admin.webhookEvents(input)),
  reconciliations: adminProcedure("operations.view")
    .input(reconciliationsInput)
    .query(({ ctx, input }) => ctx.services.payments.admin.reconciliations(input)),
});
