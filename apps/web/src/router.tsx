import { createBrowserRouter } from "react-router";
import { AppShell } from "./features/layout/app-shell";
import { Loading } from "./features/ui/states";
import { shopRoutes } from "./routes/shop-routes";

function ConsoleLoading() {
  return <Loading label="Loading the admin console…" />;
}

/** The shop, and the admin console as a separate chunk so shoppers never download it. */
export const router = createBrowserRouter([
  {
    path: "admin/*",
    lazy: async () => ({ Component: (await import("./routes/admin/admin-console")).AdminConsole }),
    HydrateFallback: ConsoleLoading,
  },
  { element: <AppShell />, children: shopRoutes },
]);
