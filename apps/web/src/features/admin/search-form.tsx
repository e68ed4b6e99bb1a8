import type { FormEvent } from "react";
import { Field } from "../forms/field";
import { formText } from "../forms/field-errors";
import { button } from "../ui/styles";

/** A search box that applies on submit (Enter or the button), so the URL changes once per search, not per key. */
export function SearchForm({ label = "Search", value, placeholder, onSearch }: { label?: string; value: string; placeholder?: string; onSearch: (q: string) => void }) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(formText(new FormData(event.currentTarget), "q").trim());
  };
  return (
    <form role="search" onSubmit={submit} className="flex min-w-0 items-end gap-2" key={value}>
      <div className="min-w-0 flex-1">
        <Field label={label} name="q" type="search" defaultValue={value} placeholder={placeholder} />
      </div>
      <button type="submit" className={button.secondary}>
        Search
      </button>
    </form>
  );
}
