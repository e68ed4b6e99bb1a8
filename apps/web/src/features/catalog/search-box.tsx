import type { FormEvent } from "react";

/** The shop's search field: `onChange` on every key (search-as-you-type), `onSubmit` on Enter or the button. */
export function SearchBox({ value, onChange, onSubmit }: { value: string; onChange: (q: string) => void; onSubmit: (q: string) => void }) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(value.trim());
  };
  return (
    <form role="search" onSubmit={submit} className="flex w-full gap-2">
      <label htmlFor="shop-search" className="sr-only">
        Search products
      </label>
      <input
        id="shop-search"
        type="search"
        value={value}
        placeholder="Search rice, tea, kurtas…"
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-4 py-2.5 text-base text-slate-900 shadow-sm focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-600/30"
      />
      <button type="submit" className="rounded-lg bg-amber-400 px-4 py-2.5 font-semibold text-slate-900 hover:bg-amber-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
        Search
      </button>
    </form>
  );
}
