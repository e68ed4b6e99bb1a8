import { adminAuditRouter, adminUsersRouter } from "../routers/admin-users.router.js";
import { authRouter } from "../routers/auth.router.js";
import { systemRouter } from "../routers/system.router.js";
import { router } from "./init.js";

export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  admin: router({
    users: adminUsersRouter,
    audit: adminAuditRouter,
  }),
});

/** The only thing the web app imports from the API, and only as a type. */
export type AppRouter = typeof appRouter;
