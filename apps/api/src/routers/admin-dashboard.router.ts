import { salesReportInput } from "@bbscart/core/schemas";
import { adminProcedure, router } from "../trpc/init.js";

/*
 * Sales figures are what order managers work from, and anyone who can list every order could add
 * them up anyway; `operations.view` is for queue and webhook health and need not reveal revenue.
 */
export const adminDashboardRouter = router({
  overview: adminProcedure("orders.manage").query(({ ctx }) => ctx.services.dashboard.overview()),
  sales: adminProcedure("orders.manage")
    .input(salesReportInput)
    .query(({ ctx, input }) => ctx.services.dashboard.sales(input)),
  topProducts: adminProcedure("orders.manage")
    .input(salesReportInput)
    .query(({ ctx, input }) => ctx.services.dashboard.topProducts(input)),
});
