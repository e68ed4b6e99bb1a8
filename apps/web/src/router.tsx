import { createBrowserRouter } from "react-router";
import { AppShell } from "./features/layout/app-shell";
import { shopRoutes } from "./routes/shop-routes";

/** The shop, and the admin console as a separate chunk so shoppers never download it. */
export const router = createBrowserRouter([
  {
    path: "admin/*",
    lazy: async () => ({ Component: (await import("./routes/admin/admin-console")).AdminConsole }),
  },
  { element: <AppShell />, children: shopRoutes },
]);
