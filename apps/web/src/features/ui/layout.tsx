import { useId, type ReactNode } from "react";
import { button, panel } from "./styles";

/** A page's one heading, with an optional line under it and actions beside it. */
export function PageHeader({ title, description, actions }: { title: ReactNode; description?: string; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

/**
 * A white card with its own heading, which also names the region for screen readers. `min-w-0`: in a
 * grid or flex row a card holding a wide table shrinks to the screen and lets the table scroll,
 * instead of pushing the page sideways.
 */
export function Panel({ title, actions, children, className = "" }: { title: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`${panel} min-w-0 ${className}`} aria-labelledby={id}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
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

/** A polite live region for "Saved" and similar outcomes of a finished action. */
export function Status({ message }: { message: string | null }) {
  return (
    <p role="status" aria-live="polite" className="min-h-5 text-sm font-medium text-teal-700">
      {message}
    </p>
  );
}

/** A form's save button with its "saved" status beside it: "Saving…" while the mutation runs. */
export function SaveBar({ saved, busy, label, secondary = false }: { saved: string | null; busy: boolean; label: string; secondary?: boolean }) {
  return (
    <div className={`flex items-center gap-3 ${secondary ? "" : "justify-end"}`}>
      <Status message={saved} />
      <button type="submit" className={secondary ? button.secondary : button.primary} disabled={busy}>
        {busy ? "Saving…" : label}
      </button>
    </div>
  );
}
