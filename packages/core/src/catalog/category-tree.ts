import { err, ok, type Result } from "../result.js";
import type { Category } from "./catalog.js";

/**
 * The category tree's rules, decided on a snapshot of every category (a shop has tens to a few
 * hundred, so the whole tree is read in the unit of work that changes it). The unit of work also
 * writes the tree's version (see `CategoryRepository.touchTree`), so two edits decided on the same
 * snapshot cannot both commit: that is what keeps a concurrent "A under B" and "B under A" from
 * making a cycle on MongoDB.
 */
export type CategoryRefusal =
  | { readonly code: "CATEGORY_NOT_FOUND" }
  | { readonly code: "PARENT_NOT_FOUND" }
  | { readonly code: "PARENT_ARCHIVED" }
  | { readonly code: "CATEGORY_CYCLE" }
  | { readonly code: "CATEGORY_ARCHIVED" }
  | { readonly code: "CATEGORY_IN_USE"; readonly liveChildren: number; readonly activeProducts: boolean };

/** A new sibling order: the categories whose position changes, and their new positions. */
export type Placement = ReadonlyArray<{ readonly id: string; readonly position: number }>;

/** `parentId` may hold `categoryId` (null for a new category): it exists, is live, and is not the category or below it. */
export function checkParent(tree: readonly Category[], categoryId: string | null, parentId: string | null): Result<null, CategoryRefusal> {
  if (parentId === null) return ok(null);
  const byId = new Map(tree.map((category) => [category.id, category]));
  const parent = byId.get(parentId);
  if (!parent) return err({ code: "PARENT_NOT_FOUND" });
  // Walk up from the new parent: meeting the category itself means it would sit below itself.
  // The walk is bounded by the tree's size, so a cycle already stored cannot hang it.
  let at: Category | undefined = parent;
  for (let steps = 0; at && steps <= tree.length; steps += 1) {
    if (at.id === categoryId) return err({ code: "CATEGORY_CYCLE" });
    at = at.parentId === null ? undefined : byId.get(at.parentId);
  }
  if (parent.archivedAt !== null) return err({ code: "PARENT_ARCHIVED" });
  return ok(null);
}

/** Siblings under `parentId` in their shown order (position, then name, then id for old equal positions). */
export function siblingsOf(tree: readonly Category[], parentId: string | null): Category[] {
  return tree
    .filter((category) => category.parentId === parentId)
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Puts `categoryId` at `index` among the children of `parentId` (clamped; null = last) and
 * numbers that sibling list 0…n-1; returns only the positions that change. The category's old
 * siblings keep their order: their gaps do not matter, only the order does.
 */
export function placeCategory(tree: readonly Category[], categoryId: string, parentId: string | null, index: number | null): Placement {
  const siblings = siblingsOf(tree, parentId).filter((category) => category.id !== categoryId);
  const at = index === null ? siblings.length : Math.max(0, Math.min(index, siblings.length));
  const ordered = [...siblings.slice(0, at).map((c) => c.id), categoryId, ...siblings.slice(at).map((c) => c.id)];
  const current = new Map(tree.map((category) => [category.id, category.position]));
  return ordered.map((id, position) => ({ id, position })).filter(({ id, position }) => current.get(id) !== position);
}

/**
 * Archiving hides a category from the shop. It is refused while the category still holds live
 * children or active products, so nothing on sale loses its shelf and no subtree goes dark by
 * surprise: the admin moves or archives those first (decision record 120).
 */
export function checkArchive(tree: readonly Category[], category: Category, hasActiveProducts: boolean): Result<null, CategoryRefusal> {
  if (category.archivedAt !== null) return ok(null);
  const liveChildren = tree.filter((c) => c.parentId === category.id && c.archivedAt === null).length;
  if (liveChildren > 0 || hasActiveProducts) return err({ code: "CATEGORY_IN_USE", liveChildren, activeProducts: hasActiveProducts });
  return ok(null);
}

/** A category is restored only under a live parent (or at the top), so the shop never shows a shelf whose parent is hidden. */
export function checkRestore(tree: readonly Category[], category: Category): Result<null, CategoryRefusal> {
  const parent = category.parentId === null ? null : tree.find((c) => c.id === category.parentId);
  if (parent && parent.archivedAt !== null) return err({ code: "PARENT_ARCHIVED" });
  return ok(null);
}

/** Products may be put only in a live category. */
export function checkProductCategory(category: Category | null): Result<null, CategoryRefusal> {
  if (!category) return err({ code: "CATEGORY_NOT_FOUND" });
  if (category.archivedAt !== null) return err({ code: "CATEGORY_ARCHIVED" });
  return ok(null);
}
