import type { RouteObject } from "react-router";
import { AccountPage } from "./account";
import { HomePage } from "./home";
import { NotFoundPage } from "./not-found";
import { RegisterPage } from "./register";
import { SignInPage } from "./sign-in";

/** The shop's pages, inside the shop's shell. */
export const shopRoutes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: "sign-in", element: <SignInPage /> },
  { path: "register", element: <RegisterPage /> },
  { path: "account", element: <AccountPage /> },
  { path: "*", element: <NotFoundPage /> },
];
