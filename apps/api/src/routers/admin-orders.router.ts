import { router } from "../trpc/init.js";

export const adminOrdersRouter = router({});
