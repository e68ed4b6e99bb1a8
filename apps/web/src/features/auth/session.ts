/**
 * The signed-in session, held in memory only: the access token never touches localStorage (an XSS
 * cannot lift it from there), and the long-lived refresh token stays in its HttpOnly cookie, which
 * only `/auth/refresh` and `/auth/logout` ever see. A reload starts with no token and asks
 * `/auth/refresh` for one.
 */

import type { Role } from "@bbscart/core";

export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
  permissions: string[];
}

export interface Session {
  accessToken: string;
  account: Account;
}

type State = { status: "unknown" } | { status: "anonymous" } | ({ status: "signed-in" } & Session);

let state: State = { status: "unknown" };
const listeners = new Set<() => void>();

function set(next: State) {
  state = next;
  for (const listener of listeners) listener();
}

export const session = {
  get: (): State => state,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signedIn(next: Session) {
    set({ status: "signed-in", ...next });
  },
  /** The account's own details changed (a profile edit): everything showing them, the header included, redraws at once. */
  accountChanged(changes: Pick<Account, "name">) {
    if (state.status === "signed-in") set({ ...state, account: { ...state.account, ...changes } });
  },
  token: (): string | null => (state.status === "signed-in" ? state.accessToken : null),
};

let inFlight: Promise<string | null> | null = null;

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request, so a
 * burst of 401s (several queries at once) rotates the refresh token once, not once per query.
 */
export function refreshSession(): Promise<string | null> {
  inFlight ??= (async () => {
    try {
      const response = await fetch("/auth/refresh", { method: "POST", credentials: "same-origin" });
      // 204: no refresh cookie at all, i.e. an anonymous visitor.
      if (!response.ok || response.status === 204) {
        set({ status: "anonymous" });
        return null;
      }
      const body = (await response.json()) as { accessToken: string; account: Account };
      set({ status: "signed-in", accessToken: body.accessToken, account: body.account });
      return body.accessToken;
    } catch {
      set({ status: "anonymous" });
      return null;
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

export async function signOut(): Promise<void> {
  await fetch("/auth/logout", { method: "POST", credentials: "same-origin" }).catch(() => undefined);
  set({ status: "anonymous" });
}

/**
 * `fetch` for the API: adds the access token, and when the API answers 401 (token expired), refreshes
 * once and retries, so a shopper is not signed out every fifteen minutes.
 */
export async function authFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | null) => {
    const headers = new Headers(init.headers);
    if (token) headers.set("authorization", `Bearer ${token}`);
    return fetch(input, { ...init, headers, credentials: "same-origin" });
  };
  const first = await send(session.token());
  if (first.status !== 401 || session.token() === null) return first;
  const renewed = await refreshSession();
  return renewed ? send(renewed) : first;
}
