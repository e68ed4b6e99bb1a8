import { type Result } from "../result.js";
import type { Category } from "./catalog.js";
/**
 * The category tree's rules, decided on a snapshot of every category (a shop has tens to a few
 * hundred, so the whole tree is read in the unit of work that changes it). The unit of work also
 * writes the tree's version (see `CategoryRepository.touchTree`), so two edits decided on the same
 * snapshot cannot both commit: that is what keeps a concurrent "A under B" and "B under A" from
 * making a cycle on MongoDB.
 */
export type CategoryRefusal = {
    readonly code: "CATEGORY_NOT_FOUND";
} | {
    readonly code: "PARENT_NOT_FOUND";
} | {
    readonly code: "PARENT_ARCHIVED";
} | {
    readonly code: "CATEGORY_CYCLE";
} | {
    readonly code: "CATEGORY_ARCHIVED";
} | {
    readonly code: "CATEGORY_IN_USE";
    readonly liveChildren: number;
    readonly activeProducts: boolean;
};
/** A new sibling order: the categories whose position changes, and their new positions. */
export type Placement = ReadonlyArray<{
    readonly id: string;
    readonly position: number;
}>;
/** `parentId` may hold `categoryId` (null for a new category): it exists, is live, and is not the category or below it. */
export declare function checkParent(tree: readonly Category[], categoryId: string | null, parentId: string | null): Result<null, CategoryRefusal>;
/** Siblings under `parentId` in their shown order (position, then name, then id for old equal positions). */
export declare function siblingsOf(tree: readonly Category[], parentId: string | null): Category[];
/**
 * Puts `categoryId` at `index` among the children of `parentId` (clamped; null = last) and
 * numbers that sibling list 0…n-1; returns only the positions that change. The category's old
 * siblings keep their order: their gaps do not matter, only the order does.
 */
export declare function placeCategory(tree: readonly Category[], categoryId: string, parentId: string | null, index: number | null): Placement;
/**
 * Archiving hides a category from the shop. It is refused while the category still holds live
 * children or active products, so nothing on sale loses its shelf and no subtree goes dark by
 * surprise: the admin moves or archives those first (decision record 120).
 */
export declare function checkArchive(tree: readonly Category[], category: Category, hasActiveProducts: boolean): Result<null, CategoryRefusal>;
/** A category is restored only under a live parent (or at the top), so the shop never shows a shelf whose parent is hidden. */
export declare function checkRestore(tree: readonly Category[], category: Category): Result<null, CategoryRefusal>;
/** Products may be put only in a live category. */
export declare function checkProductCategory(category: Category | null): Result<null, CategoryRefusal>;
//# sourceMappingURL=category-tree.d.ts.map