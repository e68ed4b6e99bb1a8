import { type Category, type Repositories } from "@bbscart/core";
import type { categoryInput, categoryUpdateInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { type AdminCall, AppError, auditAs, type CatalogDeps, notFound } from "../common/index.js";
import { slugFor } from "./slug.js";
import { categoryView } from "./views.js";

const badParent = (message: string) => new AppError("BAD_REQUEST", message, { field: "parentId" });

/** The parent must exist and must not be the category itself or one of its descendants (no cycles). */
async function requireParent(repos: Repositories, parentId: string | null, categoryId: string | null): Promise<void> {
  if (parentId === null) return;
  const byId = new Map((await repos.categories.list()).map((category) => [category.id, category]));
  if (!byId.has(parentId)) throw badParent("parentId names no category");
  for (let at: string | null = parentId; at !== null; at = byId.get(at)?.parentId ?? null) {
    if (at === categoryId) throw badParent("parentId would make the category its own ancestor");
  }
}

/** Admin category changes, each audited in its unit of work. */
export function categoryAdmin({ db, clock, ids }: Pick<CatalogDeps, "db" | "clock" | "ids">) {
  const record = auditAs(clock, ids);
  return {
    async createCategory(call: AdminCall, input: z.output<typeof categoryInput>) {
      const slug = slugFor(input);
      return db.uow.run(async (repos) => {
        await requireParent(repos, input.parentId, null);
        const category: Category = { id: ids.next(), slug, name: input.name, parentId: input.parentId };
        await repos.categories.create(category);
        await record(repos, call, { action: "category.create", targetType: "category", targetId: category.id, before: null, after: categoryView(category) });
        return categoryView(category);
      });
    },

    async updateCategory(call: AdminCall, input: z.output<typeof categoryUpdateInput>) {
      const { categoryId, ...patch } = input;
      return db.uow.run(async (repos) => {
        const before = await repos.categories.findById(categoryId);
        if (!before) throw notFound("Category");
        if (patch.parentId !== undefined) await requireParent(repos, patch.parentId, categoryId);
        const after = await repos.categories.update(categoryId, patch);
        if (!after) throw notFound("Category");
        await record(repos, call, { action: "category.update", targetType: "category", targetId: categoryId, before: categoryView(before), after: categoryView(after) });
        return categoryView(after);
      });
    },
  };
}
