import {
  adminCatalogListInput,
  categoryIdInput,
  categoryInput,
  categoryMoveInput,
  categoryUpdateInput,
  productBulkInput,
  productCreateInput,
  productIdInput,
  productPricePreviewInput,
  productUpdateInput,
  stockAdjustmentInput,
  variantAddInput,
  variantUpdateInput,
} from "@bbscart/core/schemas";
import { adminCategoriesOutput, adminCategoryOutput, pricePreviewOutput, productBulkOutput } from "../contract/index.js";
import { rest } from "../rest/meta.js";
import { adminCall } from "../services/common/index.js";
import { adminProcedure, router } from "../trpc/init.js";

const manage = adminProcedure("catalog.manage");

/** REST description of a category tree edit: who may, and that it is audited. */
const treeEdit = (what: string) =>
  `Needs the \`catalog.manage\` permission; audited. ${what} ` +
  "Concurrent tree edits are serialised (a move decided on a stale tree is re-checked), so two moves can never make a cycle.";

export const adminCatalogRouter = router({
  list: manage.input(adminCatalogListInput).query(({ ctx, input }) => ctx.services.catalog.adminList(input)),
  product: manage.input(productIdInput).query(({ ctx, input }) => ctx.services.catalog.adminProduct(input.productId)),
  createProduct: manage.input(productCreateInput).mutation(({ ctx, input }) => ctx.services.catalog.createProduct(adminCall(ctx), input)),
  updateProduct: manage.input(productUpdateInput).mutation(({ ctx, input }) => ctx.services.catalog.updateProduct(adminCall(ctx), input)),
  archiveProduct: manage.input(productIdInput).mutation(({ ctx, input }) => ctx.services.catalog.archiveProduct(adminCall(ctx), input)),
  restoreProduct: manage.input(productIdInput).mutation(({ ctx, input }) => ctx.services.catalog.restoreProduct(adminCall(ctx), input)),
  duplicateProduct: manage.input(productIdInput).mutation(({ ctx, input }) => ctx.services.catalog.duplicateProduct(adminCall(ctx), input)),
  pricePreview: manage
    .meta(
      rest({
        tags: ["Admin"],
        method: "POST",
        path: "/admin/products/price-preview",
        refuses: ["PRODUCT_NOT_FOUND"],
        summary: "Preview a bulk price change",
        description: "Needs `catalog.manage`. Every variant's old and new price for `changeBp` (+1000 = +10 %), rounded half up to the paisa; nothing is written.",
      }),
    )
    .input(productPricePreviewInput)
    .output(pricePreviewOutput)
    // A mutation only in name: it writes nothing, but takes a list of ids in a POST body.
    .mutation(({ ctx, input }) => ctx.services.catalog.pricePreview(input)),
  bulkUpdate: manage
    .meta(
      rest({
        tags: ["Admin"],
        method: "POST",
        path: "/admin/products/bulk",
        refuses: ["PRODUCT_NOT_FOUND", "CATEGORY_NOT_FOUND", "CATEGORY_ARCHIVED"],
        summary: "Archive, restore, re-categorise or re-price many products",
        description:
          "Needs `catalog.manage`; each product's change is audited. One transaction: every named product changes, or none. " +
          "A price change sets exactly the prices `price-preview` showed for the same products and `changeBp`.",
      }),
    )
    .input(productBulkInput)
    .output(productBulkOutput)
    .mutation(({ ctx, input }) => ctx.services.catalog.bulkUpdate(adminCall(ctx), input)),
  addVariant: manage.input(variantAddInput).mutation(({ ctx, input }) => ctx.services.catalog.addVariant(adminCall(ctx), input)),
  updateVariant: manage.input(variantUpdateInput).mutation(({ ctx, input }) => ctx.services.catalog.updateVariant(adminCall(ctx), input)),
  categories: manage
    .meta(
      rest({
        tags: ["Admin"],
        method: "GET",
        path: "/admin/categories",
        summary: "Every category, archived ones included",
        description: "Needs `catalog.manage`. A flat list in sibling order (`position`); `parentId` builds the tree.",
      }),
    )
    .output(adminCategoriesOutput)
    .query(({ ctx }) => ctx.services.catalog.adminCategories()),
  createCategory: manage
    .meta(
      rest({
        tags: ["Admin"],
        method: "POST",
        path: "/admin/categories",
        refuses: ["PARENT_NOT_FOUND", "PARENT_ARCHIVED", "UPLOAD_MISSING"],
        summary: "Create a category",
        description: treeEdit("It goes last among its siblings; `image` is the key of an upload (`POST /api/admin/uploads`)."),
      }),
    )
    .input(categoryInput)
    .output(adminCategoryOutput)
    .mutation(({ ctx, input }) => ctx.services.catalog.createCategory(adminCall(ctx), input)),
  updateCategory: manage
    .meta(
      rest({
        tags: ["Admin"],
        method: "PATCH",
        path: "/admin/categories/{categoryId}",
        refuses: ["PARENT_NOT_FOUND", "PARENT_ARCHIVED", "CATEGORY_CYCLE", "UPLOAD_MISSING"],
        summary: "Rename a category, or change its description or picture",
        description: treeEdit("Only the fields sent change; a new `parentId` moves it last among its new siblings."),
      }),
    )
    .input(categoryUpdateInput)
    .output(adminCategoryOutput)
    .mutation(({ ctx, input }) => ctx.services.catalog.updateCategory(adminCall(ctx), input)),
  moveCategory: manage
    .meta(
      rest({
        tags: ["Admin"],
        method: "POST",
        path: "/admin/categories/{categoryId}/move",
        refuses: ["PARENT_NOT_FOUND", "PARENT_ARCHIVED", "CATEGORY_CYCLE"],
        summary: "Move a category under another, or reorder it among its siblings",
        description: treeEdit("`parentId` null is the top level; `position` null puts it last. A parent below the category itself is refused (400 naming `parentId`)."),
      }),
    )
    .input(categoryMoveInput)
    .output(adminCategoryOutput)
    .mutation(({ ctx, input }) => ctx.services.catalog.moveCategory(adminCall(ctx), input)),
  archiveCategory: manage
    .meta(
      rest({
        tags: ["Admin"],
        method: "POST",
        path: "/admin/categories/{categoryId}/archive",
        refuses: ["CATEGORY_IN_USE"],
        summary: "Archive a category (hide it from the shop)",
        description: treeEdit("Refused (409 naming `categoryId`) while it holds live subcategories or products on sale: move or archive those first."),
      }),
    )
    .input(categoryIdInput)
    .output(adminCategoryOutput)
    .mutation(({ ctx, input }) => ctx.services.catalog.archiveCategory(adminCall(ctx), input)),
  restoreCategory: manage
    .meta(
      rest({
        tags: ["Admin"],
        method: "POST",
        path: "/admin/categories/{categoryId}/restore",
        refuses: ["PARENT_ARCHIVED"],
        summary: "Put an archived category back on the shop",
        description: treeEdit("Refused (400 naming `parentId`) while its parent is archived."),
      }),
    )
    .input(categoryIdInput)
    .output(adminCategoryOutput)
    .mutation(({ ctx, input }) => ctx.services.catalog.restoreCategory(adminCall(ctx), input)),
  adjustStock: manage.input(stockAdjustmentInput).mutation(({ ctx, input }) => ctx.services.catalog.adjustStock(adminCall(ctx), input)),
});
