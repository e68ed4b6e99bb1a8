import type { RouteObject } from "react-router";
import { AppShell } from "./features/layout/app-shell";
import { Loading } from "./features/ui/states";
import { shopRoutes } from "./routes/shop-routes";

function ConsoleLoading() {
  return <Loading label="Loading the admin console…" />;
}

/**
 * The shop, and the admin console as a separate chunk so shoppers never download it. A plain list,
 * not a router: the browser makes a browser router of it (main.tsx) and the server a static one
 * for the first view of public pages (entry-server.tsx).
 */
export const appRoutes: RouteObject[] = [
  {
    path: "admin/*",
    lazy: async () => ({ Component: (await import("./routes/admin/admin-console")).AdminConsole }),
    HydrateFallback: ConsoleLoading,
  },
  { element: <AppShell />, children: shopRoutes },
];
