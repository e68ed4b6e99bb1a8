import { systemRouter } from "../routers/system.router.js";
import { router } from "./init.js";

export const appRouter = router({
  system: systemRouter,
});

/** The only thing the web app imports from the API, and only as a type. */
export type AppRouter = typeof appRouter;
