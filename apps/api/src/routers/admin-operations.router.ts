import { emailPreviewInput, failedJobActionInput, failedJobsInput, failedMessagesInput, messageRetryInput } from "@bbscart/core/schemas";
import { adminProcedure, router } from "../trpc/init.js";

export const adminOperationsRouter = router({
  health: adminProcedure("operations.view").query(({ ctx }) => ctx.services.operations.health()),
  failed: adminProcedure("operations.view").input(failedJobsInput).query(({ ctx, input }) => ctx.services.operations.failed(input)),
  retry: adminProcedure("operations.view")
    .input(failedJobActionInput)
    .mutation(({ ctx, input }) => ctx.services.operations.retry(ctx.user, input, ctx.requestId)),
  discard: adminProcedure("operations.view")
    .input(failedJobActionInput)
    .mutation(({ ctx, input }) => ctx.services.operations.discard(ctx.user, input, ctx.requestId)),
  failedMessages: adminProcedure("operations.view").input(failedMessagesInput).query(({ ctx, input }) => ctx.services.operations.failedMessages(input)),
  retryMessage: adminProcedure("operations.view")
    .input(messageRetryInput)
    .mutation(({ ctx, input }) => ctx.services.operations.retryMessage(ctx.user, input, ctx.requestId)),
  emailPreview: adminProcedure("operations.view").input(emailPreviewInput).query(({ ctx, input }) => ctx.services.emails.preview(input.template)),
});
