import type { ClientSession, Model } from "mongoose";
import type { Page, PageRequest } from "@bbscart/core";
import { afterCursor, sortSpec, toPage, type KeysetSort } from "../cursor.js";

/** A stored document whose fields mirror a domain type, with the domain `id` as `_id`. */
export type DocOf<T extends { readonly id: string }> = Omit<T, "id"> & { _id: string };

/** Domain → document for types stored field for field. */
export function toDoc<T extends { readonly id: string }>(entity: T): DocOf<T> {
  const { id, ...fields } = entity;
  return { _id: id, ...fields };
}

/** Document → domain for types stored field for field: only the key of the id changes. */
export function fromDoc<T extends { readonly id: string }>(doc: DocOf<T>): T {
  const { _id, ...fields } = doc;
  return { id: _id, ...fields } as unknown as T;
}

/** A patch with its `undefined` members dropped, so `$set` never writes them as null. */
export function definedFields<P extends object>(patch: P): Partial<P> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<P>;
}

/** A literal string inside a regular expression (searches take user input). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One page of a keyset-sorted listing: `limit + 1` documents fetched, mapped at the boundary. */
export async function findPage<D extends { _id: string }, T>(
  model: Model<D>,
  session: ClientSession | undefined,
  query: { readonly filter: Record<string, unknown>; readonly sort: KeysetSort; readonly page: PageRequest },
  map: (doc: D) => T,
): Promise<Page<T>> {
  const { filter, sort, page } = query;
  const docs = await model
    .find({ ...filter, ...andAfter(sort, page.cursor) }, null, { session })
    .sort(sortSpec(sort))
    .limit(page.limit + 1)
    .lean<D[]>();
  return toPage(docs, page.limit, sort, map);
}

/** The cursor condition, nested under `$and` so it never collides with a filter's own `$or`. */
export function andAfter(sort: KeysetSort, cursor: string | null): Record<string, unknown> {
  return cursor === null ? {} : { $and: [afterCursor(sort, cursor)] };
}
