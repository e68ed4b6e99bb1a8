import { publicProcedure, router } from "../trpc/init.js";

export const systemRouter = router({
  info: publicProcedure.query(({ ctx }) => ctx.services.system.info()),
});
