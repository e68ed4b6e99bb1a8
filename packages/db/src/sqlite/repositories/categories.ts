import type { Category, CategoryRepository } from "@bbscart/core";
import type { Executor } from "../executor.js";
import { reindexCategory } from "./catalog-rows.js";
import { updateReturning, type PatchEncoders } from "./patch.js";

interface CategoryRow {
  id: string;
  slug: string;
  name: string;
  parent_id: string | null;
  position: number;
  description: string;
  image: string | null;
  archived_at: number | null;
}

const toCategory = (row: CategoryRow): Category => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  parentId: row.parent_id,
  position: row.position,
  description: row.description,
  image: row.image,
  archivedAt: row.archived_at === null ? null : new Date(row.archived_at),
});

const encoders: PatchEncoders<Partial<Omit<Category, "id">>> = {
  slug: (slug) => ({ slug }),
  name: (name) => ({ name }),
  parentId: (parentId) => ({ parent_id: parentId }),
  position: (position) => ({ position }),
  description: (description) => ({ description }),
  image: (image) => ({ image }),
  archivedAt: (at) => ({ archived_at: at === null ? null : at.getTime() }),
};

const TREE_COUNTER = "category_tree";

export function sqliteCategories(ex: Executor): CategoryRepository {
  return {
    create: (category) =>
      ex.write((c) => {
        c.prepare("INSERT INTO categories (id, slug, name, parent_id, position, description, image, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run(
          category.id,
          category.slug,
          category.name,
          category.parentId,
          category.position,
          category.description,
          category.image,
          category.archivedAt === null ? null : category.archivedAt.getTime(),
        );
        reindexCategory(c, category.id);
      }),
    update: (id, patch) =>
      ex.write((c) => {
        const row = updateReturning(c, "categories", ["id", id], patch, encoders) as CategoryRow | undefined;
        if (row && patch.name !== undefined) reindexCategory(c, id);
        return row ? toCategory(row) : null;
      }),
    delete: (id) => ex.write((c) => c.prepare("DELETE FROM categories WHERE id = ?").run(id).changes === 1),
    findById: (id) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM categories WHERE id = ?").get(id) as CategoryRow | undefined;
        return row ? toCategory(row) : null;
      }),
    findBySlug: (slug) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM categories WHERE slug = ?").get(slug) as CategoryRow | undefined;
        return row ? toCategory(row) : null;
      }),
    list: () =>
      ex.read((c) => (c.prepare("SELECT * FROM categories ORDER BY position, name COLLATE NOCASE, id").all() as CategoryRow[]).map(toCategory)),
    touchTree: () =>
      ex.write(
        (c) =>
          (
            c
              .prepare("INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value")
              .get(TREE_COUNTER) as { value: number }
          ).value,
      ),
    treeVersion: () =>
      ex.read((c) => (c.prepare("SELECT value FROM counters WHERE name = ?").get(TREE_COUNTER) as { value: number } | undefined)?.value ?? 0),
  };
}
