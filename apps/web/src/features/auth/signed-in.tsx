import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { Loading } from "../ui/states";
import { withNext } from "./next-page";
import { useSession } from "./use-session";

/** A page for signed-in shoppers: others go to sign-in and come back here afterwards (`next`). */
export function SignedIn({ children }: { children: ReactNode }) {
  const current = useSession();
  const location = useLocation();
  if (current.status === "unknown") return <Loading label="Checking your session…" />;
  if (current.status === "anonymous") {
    return <Navigate to={withNext("/sign-in", location.pathname + location.search)} replace />;
  }
  return <>{children}</>;
}
