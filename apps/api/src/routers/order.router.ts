import { router } from "../trpc/init.js";

export const orderRouter = router({});
