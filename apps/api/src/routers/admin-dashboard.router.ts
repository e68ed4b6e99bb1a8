import { router } from "../trpc/init.js";

export const adminDashboardRouter = router({});
