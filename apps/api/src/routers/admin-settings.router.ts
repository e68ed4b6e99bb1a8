import { router } from "../trpc/init.js";

export const adminSettingsRouter = router({});
