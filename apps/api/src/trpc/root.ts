import { adminCatalogRouter } from "../routers/admin-catalog.router.js";
import { adminDashboardRouter } from "../routers/admin-dashboard.router.js";
import { adminOperationsRouter } from "../routers/admin-operations.router.js";
import { adminOrdersRouter } from "../routers/admin-orders.router.js";
import { adminPaymentsRouter } from "../routers/admin-payments.router.js";
import { adminSettingsRouter } from "../routers/admin-settings.router.js";
import { adminAuditRouter, adminUsersRouter } from "../routers/admin-users.router.js";
import { adminWalletRouter } from "../routers/admin-wallet.router.js";
import { authRouter } from "../routers/auth.router.js";
import { cartRouter } from "../routers/cart.router.js";
import { catalogRouter } from "../routers/catalog.router.js";
import { guestRouter } from "../routers/guest.router.js";
import { orderRouter } from "../routers/order.router.js";
import { systemRouter } from "../routers/system.router.js";
import { walletRouter } from "../routers/wallet.router.js";
import { router } from "./init.js";

export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  catalog: catalogRouter,
  cart: cartRouter,
  order: orderRouter,
  guest: guestRouter,
  wallet: walletRouter,
  admin: router({
    users: adminUsersRouter,
    audit: adminAuditRouter,
    catalog: adminCatalogRouter,
    settings: adminSettingsRouter,
    orders: adminOrdersRouter,
    wallet: adminWalletRouter,
    dashboard: adminDashboardRouter,
    operations: adminOperationsRouter,
    payments: adminPaymentsRouter,
  }),
});

/** The only thing the web app imports from the API, and only as a type. */
export type AppRouter = typeof appRouter;
