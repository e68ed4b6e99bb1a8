import type { ReactNode } from "react";

/** The narrow centred card every account form sits in. */
export function AuthCard({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <section className="mx-auto w-full max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="mb-6 text-2xl font-bold">{title}</h1>
      {children}
      {footer && <div className="mt-6 text-sm text-slate-600">{footer}</div>}
    </section>
  );
}
