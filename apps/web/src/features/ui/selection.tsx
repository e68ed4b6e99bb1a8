import { useState } from "react";

/** The rows of a table picked for a bulk action, by id. */
export interface Selection {
  readonly selected: string[];
  readonly has: (id: string) => boolean;
  readonly toggle: (id: string) => void;
  readonly set: (ids: readonly string[]) => void;
}

export function useSelection(): Selection {
  const [selected, setSelected] = useState<string[]>([]);
  return {
    selected,
    has: (id) => selected.includes(id),
    toggle: (id) => setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id])),
    set: (ids) => setSelected([...ids]),
  };
}

/** The header cell that picks every row of `ids` (the ones on this page a bulk action can take) at once, or drops them. */
export function SelectAllHeader({ label, ids, selection }: { label: string; ids: readonly string[]; selection: Selection }) {
  return (
    <th scope="col" className="py-2 pr-3">
      <input type="checkbox" aria-label={label} checked={ids.length > 0 && ids.every(selection.has)} onChange={(e) => selection.set(e.target.checked ? ids : [])} />
    </th>
  );
}

/** A row's own checkbox, named by what the row shows. */
export function SelectRow({ label, id, selection }: { label: string; id: string; selection: Selection }) {
  return <input type="checkbox" aria-label={label} checked={selection.has(id)} onChange={() => selection.toggle(id)} />;
}
