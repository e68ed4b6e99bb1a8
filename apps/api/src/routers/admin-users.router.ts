import { adminUserListInput, adminUserUpdateInput, auditListInput } from "@bbscart/core/schemas";
import { adminProcedure, router } from "../trpc/init.js";

export const adminUsersRouter = router({
  list: adminProcedure("users.manage").input(adminUserListInput).query(({ ctx, input }) => ctx.services.users.list(input)),
  update: adminProcedure("users.manage")
    .input(adminUserUpdateInput)
    .mutation(({ ctx, input }) => ctx.services.users.update(ctx.user, input, ctx.requestId)),
});

export const adminAuditRouter = router({
  list: adminProcedure("operations.view").input(auditListInput).query(({ ctx, input }) => ctx.services.users.auditLog(input)),
});
