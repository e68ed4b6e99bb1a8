import { adminAssignRoleInput, adminUserIdInput, adminUserListInput, adminUserUpdateInput, auditListInput } from "@bbscart/core/schemas";
import { adminProcedure, router } from "../trpc/init.js";

export const adminUsersRouter = router({
  list: adminProcedure("customers.view").input(adminUserListInput).query(({ ctx, input }) => ctx.services.users.list(input)),
  byId: adminProcedure("customers.view").input(adminUserIdInput).query(({ ctx, input }) => ctx.services.users.byId(input.userId)),
  // The same permission as editing permissions one by one: a role is a set of them.
  assignRole: adminProcedure("users.manage")
    .input(adminAssignRoleInput)
    .mutation(({ ctx, input }) => ctx.services.users.assignRole(ctx.user, input, ctx.requestId)),
  update: adminProcedure("users.manage")
    .input(adminUserUpdateInput)
    .mutation(({ ctx, input }) => ctx.services.users.update(ctx.user, input, ctx.requestId)),
});

export const adminAuditRouter = router({
  list: adminProcedure("operations.view").input(auditListInput).query(({ ctx, input }) => ctx.services.users.auditLog(input)),
});
