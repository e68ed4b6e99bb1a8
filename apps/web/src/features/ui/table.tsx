import type { ReactNode } from "react";
import { Panel } from "./layout";
import { EmptyState, QueryView, type QueryLike } from "./states";
import { button } from "./styles";

/**
 * A responsive table: scrolls sideways on a phone instead of squashing columns. The scroller is
 * `relative` so visually hidden (absolutely positioned) captions and headers are clipped with the
 * table rather than stretching the whole page sideways.
 */
export function Table({ caption, head, children }: { caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="relative -mx-4 overflow-x-auto sm:mx-0">
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

interface Paged<T> {
  items: readonly T[];
  nextCursor: string | null;
}

/**
 * A server-paged list as a table: loading, failure with "Try again", the empty message, and
 * Previous/Next driven by the URL (see `useUrlTable`).
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
    <QueryView query={query} label={label}>
      {(data) =>
        data.items.length === 0 ? (
          <EmptyState title={empty} />
        ) : (
          <Panel title={`${title}, page ${pager.page}`}>
            <Table caption={title} head={head}>
              {data.items.map(children)}
            </Table>
            <Pager page={pager.page} nextCursor={data.nextCursor} onNext={pager.next} onPrevious={pager.previous} />
          </Panel>
        )
      }
    </QueryView>
  );
}
