import { hydrate } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import superjson, { type SuperJSONResult } from "superjson";
import { refreshSession } from "./features/auth/session";
import { makeQueryClient, Providers } from "./providers";
import { appRoutes } from "./router";
import { FIRST_VIEW_STATE_ID } from "./first-view";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// A reload forgets the access token on purpose; the refresh cookie, if any, brings the session back.
void refreshSession();

// The answers the server drew the first view with: the app starts from them, so its first render is
// the same HTML (hydration, no refetch, nothing moves).
const queryClient = makeQueryClient();
const state = document.getElementById(FIRST_VIEW_STATE_ID)?.textContent;
if (state) hydrate(queryClient, superjson.deserialize(JSON.parse(state) as SuperJSONResult));

const app = (
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={createBrowserRouter(appRoutes)} />
    </Providers>
  </StrictMode>
);
// Public shop pages arrive server-rendered (apps/api/src/http/web.ts); every other page is an empty #root.
if (root.firstElementChild) hydrateRoot(root, app);
else createRoot(root).render(app);
