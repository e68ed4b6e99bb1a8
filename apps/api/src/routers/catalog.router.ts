import { router } from "../trpc/init.js";

export const catalogRouter = router({});
