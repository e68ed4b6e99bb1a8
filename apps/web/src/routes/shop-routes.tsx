import type { RouteObject } from "react-router";
import type { PageHandle } from "../features/layout/page-meta";
import { Loading } from "../features/ui/states";
import { HomePage } from "./home";
import { NotFoundPage } from "./not-found";
import { ProductPage } from "./product";
import { SearchPage } from "./search";

/** A page whose title does not depend on its data; pages that do (product, search) set it themselves. */
const title = (text: string): PageHandle => ({ title: text });

/**
 * The shop's pages, inside the shop's shell. Browsing (home, search, product) is in the first
 * download — the pages a shared link or a search engine lands on, rendered on the server too; the
 * cart and the pages behind a form or a sign-in arrive on demand, with the zod schemas they
 * validate with, which keeps the first download small on a phone.
 */
const pages: RouteObject[] = [
  { index: true, handle: title("Everyday essentials, delivered"), element: <HomePage /> },
  { path: "search", element: <SearchPage /> },
  { path: "p/:slug", element: <ProductPage /> },
  { path: "cart", handle: title("Your cart"), lazy: async () => ({ Component: (await import("./cart")).CartPage }) },
  { path: "sign-in", handle: title("Sign in"), lazy: async () => ({ Component: (await import("./sign-in")).SignInPage }) },
  { path: "register", handle: title("Create an account"), lazy: async () => ({ Component: (await import("./register")).RegisterPage }) },
  { path: "forgot-password", handle: title("Forgot your password"), lazy: async () => ({ Component: (await import("./forgot-password")).ForgotPasswordPage }) },
  { path: "reset-password", handle: title("Choose a new password"), lazy: async () => ({ Component: (await import("./reset-password")).ResetPasswordPage }) },
  { path: "account", handle: title("Your account"), lazy: async () => ({ Component: (await import("./account")).AccountPage }) },
  { path: "checkout", handle: title("Checkout"), lazy: async () => ({ Component: (await import("./checkout")).CheckoutPage }) },
  { path: "orders", handle: title("Your orders"), lazy: async () => ({ Component: (await import("./orders")).OrdersPage }) },
  { path: "orders/view", handle: title("Your order"), lazy: async () => ({ Component: (await import("./guest-order")).GuestOrderPage }) },
  { path: "track", handle: title("Track your order"), lazy: async () => ({ Component: (await import("./track")).TrackOrderPage }) },
  { path: "orders/:orderId", handle: title("Order"), lazy: async () => ({ Component: (await import("./order")).OrderPage }) },
  { path: "wallet", handle: title("Your wallet"), lazy: async () => ({ Component: (await import("./wallet")).WalletPage }) },
  { path: "*", handle: title("Page not found"), element: <NotFoundPage /> },
];

/** A page shown while a lazy page's code arrives on first load, inside the shop's shell (React Router asks for one). */
function PageLoading() {
  return <Loading label="Loading the page…" />;
}

export const shopRoutes: RouteObject[] = pages.map((route) => (route.lazy ? { ...route, HydrateFallback: PageLoading } : route));
