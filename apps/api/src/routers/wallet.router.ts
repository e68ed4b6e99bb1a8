import { router } from "../trpc/init.js";

export const walletRouter = router({});
