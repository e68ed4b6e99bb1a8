import type { RouteObject } from "react-router";
import { CartPage } from "./cart";
import { HomePage } from "./home";
import { NotFoundPage } from "./not-found";
import { ProductPage } from "./product";
import { SearchPage } from "./search";

/**
 * The shop's pages, inside the shop's shell. Browsing (home, search, product, cart) is in the
 * first download; pages behind a form or a sign-in arrive on demand, with the zod schemas they
 * validate with, which keeps the first download small on a phone.
 */
export const shopRoutes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: "search", element: <SearchPage /> },
  { path: "p/:slug", element: <ProductPage /> },
  { path: "cart", element: <CartPage /> },
  { path: "sign-in", lazy: async () => ({ Component: (await import("./sign-in")).SignInPage }) },
  { path: "register", lazy: async () => ({ Component: (await import("./register")).RegisterPage }) },
  { path: "forgot-password", lazy: async () => ({ Component: (await import("./forgot-password")).ForgotPasswordPage }) },
  { path: "reset-password", lazy: async () => ({ Component: (await import("./reset-password")).ResetPasswordPage }) },
  { path: "account", lazy: async () => ({ Component: (await import("./account")).AccountPage }) },
  { path: "checkout", lazy: async () => ({ Component: (await import("./checkout")).CheckoutPage }) },
  { path: "orders", lazy: async () => ({ Component: (await import("./orders")).OrdersPage }) },
  { path: "orders/:orderId", lazy: async () => ({ Component: (await import("./order")).OrderPage }) },
  { path: "wallet", lazy: async () => ({ Component: (await import("./wallet")).WalletPage }) },
  { path: "*", element: <NotFoundPage /> },
];
