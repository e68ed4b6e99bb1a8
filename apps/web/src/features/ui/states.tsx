import type { ReactNode } from "react";
import { isInputRefusal } from "../forms/field-errors";
import { button } from "./styles";

/** A polite "loading" line that screen readers announce. */
export function Loading({ label }: { label: string }) {
  return (
    <p role="status" aria-live="polite" className="flex items-center gap-2 py-8 text-slate-500">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-teal-600 border-t-transparent" aria-hidden="true" />
      {label}
    </p>
  );
}

/** A failed request, in words, with a way to ask again unless the input itself was refused (the same request would fail again). */
export function ErrorState({ error, onRetry, title = "Something went wrong" }: { error: unknown; onRetry: () => unknown; title?: string }) {
  const message = error instanceof Error ? error.message : "The request failed.";
  return (
    <div role="alert" className="rounded-2xl border border-red-200 bg-red-50 p-5 text-red-800">
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm">{message}</p>
      {!isInputRefusal(error) && (
        <button type="button" className={`${button.secondary} mt-3`} onClick={() => void onRetry()}>
          Try again
        </button>
      )}
    </div>
  );
}

/** What a list says when it has nothing to show, with an optional next step. */
export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <p className="text-lg font-semibold">{title}</p>
      {children && <div className="mt-2 text-slate-600">{children}</div>}
    </div>
  );
}

export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  refetch: () => unknown;
}

/**
 * Renders a query's three states the same way everywhere: "Loading {label}…", "Could not load
 * {label}" (with "Try again") and loaded. Pages only say what the loaded state looks like.
 */
export function QueryView<T>({ query, label, children }: { query: QueryLike<T>; label: string; children: (data: T) => ReactNode }) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <ErrorState error={query.error} onRetry={query.refetch} title={`Could not load ${label}`} />;
  return <Loading label={`Loading ${label}…`} />;
}
