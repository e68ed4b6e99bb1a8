import { useEffect, useId, useRef, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

/** Button looks shared by every admin page. */
export const button = {
  primary:
    "inline-flex items-center justify-center gap-2 rounded-lg bg-teal-700 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2 disabled:opacity-60",
  secondary:
    "inline-flex items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-3.5 py-2 text-sm font-semibold text-slate-700 shadow-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2 disabled:opacity-60",
  danger:
    "inline-flex items-center justify-center gap-2 rounded-lg bg-red-700 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-red-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600 focus-visible:ring-offset-2 disabled:opacity-60",
};

const control =
  "rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-600/30 aria-[invalid]:border-red-500 sm:text-sm";

export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

/** A titled card; its heading names the region for screen readers. */
export function Panel({ title, actions, children, className = "" }: { title: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 ${className}`}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

interface QueryLike<T> {
  data: T | undefined;
  isPending: boolean;
  isError: boolean;
  error: { message: string } | null;
  refetch: () => unknown;
}

/** Loading, failed (with Retry) and loaded states of one query, announced as they change. */
export function QueryState<T>({ query, label, children }: { query: QueryLike<T>; label: string; children: (data: T) => ReactNode }) {
  if (query.isError) {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
        <span>
          Could not load {label}: {query.error?.message ?? "the request failed"}.
        </span>
        <button type="button" className={button.secondary} onClick={() => void query.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  if (query.isPending || query.data === undefined) {
    return (
      <p aria-live="polite" className="animate-pulse py-6 text-sm text-slate-500">
        Loading {label}…
      </p>
    );
  }
  return <>{children(query.data)}</>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500">{children}</p>;
}

/** Previous/next for cursor pages; the page number is what the URL remembers. */
export function Pager({ page, nextCursor, onNext, onPrevious }: { page: number; nextCursor: string | null; onNext: (cursor: string) => void; onPrevious: () => void }) {
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3 text-sm">
      <button type="button" className={button.secondary} disabled={page === 1} onClick={onPrevious}>
        Previous
      </button>
      <span className="text-slate-600">Page {page}</span>
      <button type="button" className={button.secondary} disabled={nextCursor === null} onClick={() => nextCursor && onNext(nextCursor)}>
        Next
      </button>
    </nav>
  );
}

const tones = {
  slate: "bg-slate-100 text-slate-700 ring-slate-600/20",
  teal: "bg-teal-50 text-teal-800 ring-teal-600/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  red: "bg-red-50 text-red-800 ring-red-600/20",
  blue: "bg-sky-50 text-sky-800 ring-sky-600/20",
} as const;
export type Tone = keyof typeof tones;

export function Badge({ tone = "slate", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}>{children}</span>;
}

/** A responsive table: scrolls sideways on a phone instead of squashing columns. */
export function Table({ caption, head, children }: { caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="-mx-4 overflow-x-auto sm:mx-0">
      <table className="w-full min-w-[30rem] border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

function Labelled({ label, error, children }: { label: string; error?: string | undefined; children: (ids: { id: string; errorId: string }) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, errorId })}
      {error && (
        <p id={errorId} role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

export function SelectField({ label, error, children, ...select }: { label: string; error?: string | undefined } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Labelled label={label} error={error}>
      {({ id, errorId }) => (
        <select id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} className={control} {...select}>
          {children}
        </select>
      )}
    </Labelled>
  );
}

export function TextAreaField({ label, error, ...area }: { label: string; error?: string | undefined } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Labelled label={label} error={error}>
      {({ id, errorId }) => <textarea id={id} rows={3} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} className={control} {...area} />}
    </Labelled>
  );
}

/** A polite live region for "Saved" and similar outcomes of a finished action. */
export function Status({ message }: { message: string | null }) {
  return (
    <p aria-live="polite" className="min-h-5 text-sm font-medium text-teal-700">
      {message}
    </p>
  );
}

/**
 * A modal built on the native `<dialog>`: focus moves into it, Escape closes it, the page behind is
 * inert. Used for every irreversible action and for forms that need more than a click.
 */
export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={id}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {open && (
        <div className="flex flex-col gap-4 p-5">
          <h2 id={id} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}

/** A confirmation for something that cannot be undone: the message, Back, and the action itself. */
export function ConfirmDialog({
  open,
  title,
  confirmLabel,
  busy = false,
  danger = false,
  onConfirm,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  confirmLabel: string;
  busy?: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <div className="text-sm text-slate-700">{children}</div>
      <div className="flex justify-end gap-2">
        <button type="button" className={button.secondary} onClick={onClose}>
          Back
        </button>
        <button type="button" className={danger ? button.danger : button.primary} disabled={busy} onClick={onConfirm}>
          {busy ? "Please wait…" : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

interface Paged<T> {
  items: readonly T[];
  nextCursor: string | null;
}

/**
 * A server-paged list as a table: loading, failure with Retry, the empty message, and Previous/Next
 * driven by the URL (see `useUrlTable`).
 */
export function PagedTable<T>({
  query,
  label,
  empty,
  head,
  pager,
  children,
}: {
  query: QueryLike<Paged<T>>;
  label: string;
  empty: string;
  head: ReactNode;
  pager: { page: number; next: (cursor: string) => void; previous: () => void };
  children: (item: T) => ReactNode;
}) {
  const title = `${label[0]!.toUpperCase()}${label.slice(1)}`;
  return (
    <QueryState query={query} label={label}>
      {(data) =>
        data.items.length === 0 ? (
          <Empty>{empty}</Empty>
        ) : (
          <Panel title={`${title}, page ${pager.page}`}>
            <Table caption={title} head={head}>
              {data.items.map(children)}
            </Table>
            <Pager page={pager.page} nextCursor={data.nextCursor} onNext={pager.next} onPrevious={pager.previous} />
          </Panel>
        )
      }
    </QueryState>
  );
}
