import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { httpBatchLink } from "@trpc/client";
import { useEffect, useState, type ReactNode } from "react";
import superjson from "superjson";
import { authFetch, session } from "./features/auth/session";
import { trpc } from "./lib/trpc";

type TRPCClient = ReturnType<typeof trpc.createClient>;

/**
 * The app's query cache. `staleTime` also keeps answers the server rendered the first view with
 * (main.tsx puts them in the cache) from being asked for again as soon as the page hydrates.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: (failures, error) => failures < 1 && !isClientError(error) },
    },
  });
}

/**
 * One query cache and one tRPC client for the app's lifetime; requests go to our own origin. The
 * server passes its own pair (no retries, answers from inside the API) when it renders a first view (entry-server.tsx).
 */
export function Providers(props: { children: ReactNode; queryClient?: QueryClient; trpcClient?: TRPCClient }) {
  const { children } = props;
  const [queryClient] = useState(() => props.queryClient ?? makeQueryClient());
  // maxItems: the API refuses batches over TRPC_BATCH_MAX_CALLS, which is never below 10.
  const [trpcClient] = useState(
    () => props.trpcClient ?? trpc.createClient({ links: [httpBatchLink({ url: "/trpc", transformer: superjson, fetch: authFetch, maxItems: 10 })] }),
  );
  useEffect(() => {
    // Signing in or out changes whose cart, orders and wallet every query is about. Refetching the
    // cart as the new shopper is also what merges a guest cart into theirs (the API does it on the
    // first signed-in cart call).
    let identity = accountOf(session.get());
    return session.subscribe(() => {
      const next = accountOf(session.get());
      if (next === identity) return;
      identity = next;
      void queryClient.invalidateQueries();
    });
  }, [queryClient]);
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}

/** A 4xx will not get better by asking again. */
function isClientError(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } }).data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
}

function accountOf(state: ReturnType<typeof session.get>): string | null {
  return state.status === "signed-in" ? state.account.id : null;
}
