import { router } from "../trpc/init.js";

export const adminWalletRouter = router({});
