import {
  catalogListInput,
  categoryInput,
  categoryUpdateInput,
  productCreateInput,
  productIdInput,
  productUpdateInput,
  stockAdjustmentInput,
  variantAddInput,
  variantUpdateInput,
} from "@bbscart/core/schemas";
import { adminCall } from "../services/common/index.js";
import { adminProcedure, router } from "../trpc/init.js";

const manage = adminProcedure("catalog.manage");

export const adminCatalogRouter = router({
  list: manage.input(catalogListInput).query(({ ctx, input }) => ctx.services.catalog.adminList(input)),
  product: manage.input(productIdInput).query(({ ctx, input }) => ctx.services.catalog.adminProduct(input.productId)),
  createProduct: manage.input(productCreateInput).mutation(({ ctx, input }) => ctx.services.catalog.createProduct(adminCall(ctx), input)),
  updateProduct: manage.input(productUpdateInput).mutation(({ ctx, input }) => ctx.services.catalog.updateProduct(adminCall(ctx), input)),
  archiveProduct: manage.input(productIdInput).mutation(({ ctx, input }) => ctx.services.catalog.archiveProduct(adminCall(ctx), input)),
  addVariant: manage.input(variantAddInput).mutation(({ ctx, input }) => ctx.services.catalog.addVariant(adminCall(ctx), input)),
  updateVariant: manage.input(variantUpdateInput).mutation(({ ctx, input }) => ctx.services.catalog.updateVariant(adminCall(ctx), input)),
  createCategory: manage.input(categoryInput).mutation(({ ctx, input }) => ctx.services.catalog.createCategory(adminCall(ctx), input)),
  updateCategory: manage.input(categoryUpdateInput).mutation(({ ctx, input }) => ctx.services.catalog.updateCategory(adminCall(ctx), input)),
  adjustStock: manage.input(stockAdjustmentInput).mutation(({ ctx, input }) => ctx.services.catalog.adjustStock(adminCall(ctx), input)),
});
