import { checkArchive, checkParent, checkRestore, placeCategory, type Category, type Repositories, type Result, type CategoryRefusal } from "@bbscart/core";
import type { categoryIdInput, categoryInput, categoryMoveInput, categoryUpdateInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { type AdminCall, auditAs, type CatalogDeps, notFound, refused } from "../common/index.js";
import { requireStoredImages } from "./images.js";
import { slugFor } from "./slug.js";
import { adminCategoryView, categorySnapshot } from "./views.js";

/** Throws the refusal's answer, else goes on. */
function orRefuse(result: Result<null, CategoryRefusal>): void {
  if (!result.ok) throw refused(result.error);
}

/**
 * Starts a tree edit: writes the tree's version first (so two overlapping edits conflict, see
 * `CategoryRepository.touchTree`), then reads the whole tree the edit is decided on.
 */
async function openTree(repos: Repositories): Promise<readonly Category[]> {
  await repos.categories.touchTree();
  return repos.categories.list();
}

function requireIn(tree: readonly Category[], categoryId: string): Category {
  const category = tree.find((c) => c.id === categoryId);
  if (!category) throw notFound("Category");
  return category;
}

/** Whether any product on sale sits directly in the category (one indexed row at most). */
async function holdsActiveProducts(repos: Repositories, categoryId: string): Promise<boolean> {
  const page = await repos.products.search({
    search: null,
    categoryId,
    minPriceMinor: null,
    maxPriceMinor: null,
    inStock: null,
    sort: "newest",
    includeInactive: false,
    cursor: null,
    limit: 1,
  });
  return page.items.length > 0;
}

/**
 * Admin category changes, each one unit of work with its audit entry. Tree edits (create, move,
 * reorder, archive, restore) go through `openTree`, decided by the core's tree rules; renames
 * and the description or picture change only the category's own row.
 */
export function categoryAdmin({ db, clock, ids, files }: CatalogDeps) {
  const record = auditAs(clock, ids);

  /** Moves and/or reorders inside the caller's unit of work; returns the category after. */
  async function move(repos: Repositories, categoryId: string, parentId: string | null, position: number | null): Promise<Category> {
    const tree = await openTree(repos);
    const before = requireIn(tree, categoryId);
    if (parentId !== before.parentId) orRefuse(checkParent(tree, categoryId, parentId));
    const placement = placeCategory(tree, categoryId, parentId, position);
    for (const sibling of placement) if (sibling.id !== categoryId) await repos.categories.update(sibling.id, { position: sibling.position });
    const own = placement.find((sibling) => sibling.id === categoryId)?.position ?? before.position;
    const after = await repos.categories.update(categoryId, { parentId, position: own });
    if (!after) throw notFound("Category");
    return after;
  }

  /**
   * Archive and restore, one unit of work each: the tree opened, `decide` checks the change against
   * it and gives the new `archivedAt` (written only when it differs), one audit entry.
   */
  function setArchived(
    call: AdminCall,
    categoryId: string,
    action: "category.archive" | "category.restore",
    decide: (repos: Repositories, tree: readonly Category[], before: Category) => Promise<Date | null>,
  ) {
    return db.uow.run(async (repos) => {
      const tree = await openTree(repos);
      const before = requireIn(tree, categoryId);
      const archivedAt = await decide(repos, tree, before);
      const after = archivedAt === before.archivedAt ? before : await repos.categories.update(before.id, { archivedAt });
      if (!after) throw notFound("Category");
      await record(repos, call, { action, targetType: "category", targetId: before.id, before: categorySnapshot(before), after: categorySnapshot(after) });
      return adminCategoryView(after);
    });
  }

  return {
    /** Every category, archived ones too, siblings in their shown order. */
    async adminCategories() {
      return (await db.repos.categories.list()).map(adminCategoryView);
    },

    async createCategory(call: AdminCall, input: z.output<typeof categoryInput>) {
      const slug = slugFor(input);
      if (input.image !== null) await requireStoredImages(files, [input.image], "image");
      return db.uow.run(async (repos) => {
        const tree = await openTree(repos);
        orRefuse(checkParent(tree, null, input.parentId));
        const position = tree.filter((c) => c.parentId === input.parentId).length;
        const category: Category = { id: ids.next(), slug, name: input.name, parentId: input.parentId, position, description: input.description, image: input.image, archivedAt: null };
        await repos.categories.create(category);
        await record(repos, call, { action: "category.create", targetType: "category", targetId: category.id, before: null, after: categorySnapshot(category) });
        return adminCategoryView(category);
      });
    },

    /** Renames, re-describes or re-pictures; a new `parentId` moves it (last among its new siblings). */
    async updateCategory(call: AdminCall, input: z.output<typeof categoryUpdateInput>) {
      const { categoryId, parentId, ...patch } = input;
      if (patch.image) await requireStoredImages(files, [patch.image], "image");
      return db.uow.run(async (repos) => {
        const before = await repos.categories.findById(categoryId);
        if (!before) throw notFound("Category");
        if (parentId !== undefined && parentId !== before.parentId) await move(repos, categoryId, parentId, null);
        const after = await repos.categories.update(categoryId, patch);
        if (!after) throw notFound("Category");
        await record(repos, call, { action: "category.update", targetType: "category", targetId: categoryId, before: categorySnapshot(before), after: categorySnapshot(after) });
        return adminCategoryView(after);
      });
    },

    /** Re-parents and/or reorders among siblings; a move under the category itself or below it is refused (`parentId`). */
    async moveCategory(call: AdminCall, input: z.output<typeof categoryMoveInput>) {
      return db.uow.run(async (repos) => {
        const before = await repos.categories.findById(input.categoryId);
        if (!before) throw notFound("Category");
        const after = await move(repos, input.categoryId, input.parentId, input.position);
        await record(repos, call, { action: "category.move", targetType: "category", targetId: after.id, before: categorySnapshot(before), after: categorySnapshot(after) });
        return adminCategoryView(after);
      });
    },

    /** Hides it from the shop; refused while it holds live subcategories or products on sale (decision record 120). */
    async archiveCategory(call: AdminCall, input: z.output<typeof categoryIdInput>) {
      return setArchived(call, input.categoryId, "category.archive", async (repos, tree, before) => {
        orRefuse(checkArchive(tree, before, await holdsActiveProducts(repos, before.id)));
        return before.archivedAt ?? clock.now();
      });
    },

    /** Back on the shop, under a live parent only. Its archived products stay archived until restored one by one or in bulk. */
    async restoreCategory(call: AdminCall, input: z.output<typeof categoryIdInput>) {
      return setArchived(call, input.categoryId, "category.restore", (_repos, tree, before) => {
        orRefuse(checkRestore(tree, before));
        return Promise.resolve(null);
      });
    },
  };
}
