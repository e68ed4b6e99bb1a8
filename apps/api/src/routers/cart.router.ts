import { router } from "../trpc/init.js";

export const cartRouter = router({});
