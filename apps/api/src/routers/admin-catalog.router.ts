import { router } from "../trpc/init.js";

export const adminCatalogRouter = router({});
