import { useSearchParams } from "react-router";

/**
 * Filters and the page kept in the URL, so a reload, a shared link or the Back button shows the same
 * rows. Pagination is by cursor: `after` holds the trail of cursors walked so far, so Previous works
 * after a reload too. Changing a filter starts again from the first page. Two lists on one page give
 * each its own `trailKey`, so paging one leaves the other where it was.
 */
export function useUrlTable<K extends string>(keys: readonly K[], trailKey = "after") {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ""])) as Record<K, string>;
  const trail = params.getAll(trailKey);

  const setFilters = (changes: Partial<Record<K, string>>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      next.delete(trailKey);
      return next;
    });

  const moveTo = (cursors: string[]) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.delete(trailKey);
      for (const cursor of cursors) next.append(trailKey, cursor);
      return next;
    });

  return {
    filters,
    setFilters,
    cursor: trail.at(-1) ?? null,
    page: trail.length + 1,
    next: (cursor: string) => moveTo([...trail, cursor]),
    previous: () => moveTo(trail.slice(0, -1)),
  };
}
