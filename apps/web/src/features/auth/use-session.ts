import { useSyncExternalStore } from "react";
import { session } from "./session";

/** Before the refresh cookie has been asked about, on the server and while hydrating its HTML. */
const notYetKnown = { status: "unknown" } as const;

/**
 * The current session state; components re-render when someone signs in or out. Server-rendered
 * HTML is always drawn as "not yet known", and hydration starts from that same state.
 */
export function useSession() {
  return useSyncExternalStore(session.subscribe, session.get, () => notYetKnown);
}
