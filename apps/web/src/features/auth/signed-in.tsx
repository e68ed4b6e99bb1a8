import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { Loading } from "../ui/states";
import { useSession } from "./use-session";

/** A page for signed-in shoppers: others go to sign-in and come back here afterwards (`next`). */
export function SignedIn({ children }: { children: ReactNode }) {
  const current = useSession();
  const location = useLocation();
  if (current.status === "unknown") return <Loading label="Checking your session…" />;
  if (current.status === "anonymous") {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return <>{children}</>;
}
