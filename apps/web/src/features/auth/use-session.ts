import { useSyncExternalStore } from "react";
import { session } from "./session";

/** The current session state; components re-render when someone signs in or out. */
export function useSession() {
  return useSyncExternalStore(session.subscribe, session.get);
}
