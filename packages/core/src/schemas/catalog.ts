import { z } from "zod";
import { hsnCode } from "./gst.js";
import { CATALOG_SORTS, PRODUCT_STATUSES } from "../catalog/catalog.js";
import { MAX_PRICE_CHANGE_BP, MIN_PRICE_CHANGE_BP } from "../catalog/price-change.js";
import { amountMinor, id, int, lengthIn, oneOf, optionalText, pageInput, slug, text } from "./fields.js";

const catalogListFields = {
  search: optionalText("search", 100),
  categoryId: id("categoryId").nullable().default(null),
  minPrice: amountMinor("minPrice").nullable().default(null),
  maxPrice: amountMinor("maxPrice").nullable().default(null),
  inStock: z.boolean({ error: "inStock must be true or false" }).nullable().default(null),
  sort: z.enum(CATALOG_SORTS, { error: `sort must be one of ${CATALOG_SORTS.join(", ")}` }).default("relevance"),
  ...pageInput,
};

const priceOrder = {
  check: (q: { minPrice: number | null; maxPrice: number | null }) => q.minPrice === null || q.maxPrice === null || q.minPrice <= q.maxPrice,
  params: { error: "minPrice must not exceed maxPrice", path: ["minPrice"] },
};

export const catalogListInput = z.object(catalogListFields).refine(priceOrder.check, priceOrder.params);

/** The admin's product list: the shop's filters plus the status (on sale or archived). */
export const adminCatalogListInput = z
  .object({ ...catalogListFields, status: oneOf("status", PRODUCT_STATUSES).nullable().default(null) })
  .refine(priceOrder.check, priceOrder.params);

export const productSlugInput = z.object({ slug: slug() });
export const productIdInput = z.object({ productId: id("productId") });

const categoryDescription = lengthIn(z.string({ error: "description must be text" }).trim(), { max: 2000, tooLong: "description must be at most 2000 characters" });
/** A stored upload's key (from `POST /api/admin/uploads`), or null for none. */
const categoryImage = text("image", 300).nullable();

export const categoryInput = z.object({
  name: text("name", 80),
  slug: slug().optional(),
  parentId: id("parentId").nullable().default(null),
  description: categoryDescription.default(""),
  image: categoryImage.default(null),
});
/** Only the fields sent change: no defaults, so renaming a category keeps its parent. A new parent moves it (last there). */
export const categoryUpdateInput = z.object({
  categoryId: id("categoryId"),
  name: text("name", 80).optional(),
  slug: slug().optional(),
  parentId: id("parentId").nullable().optional(),
  description: categoryDescription.optional(),
  image: categoryImage.optional(),
});
export const categoryIdInput = z.object({ categoryId: id("categoryId") });
/** Re-parent and/or reorder: the category goes under `parentId` (null = top level) at `position` among its siblings (null = last). */
export const categoryMoveInput = z.object({
  categoryId: id("categoryId"),
  parentId: id("parentId").nullable(),
  position: int("position", 0, 10_000).nullable().default(null),
});

const productIds = z
  .array(id("productIds"), { error: "productIds must be a list of product ids" })
  .min(1, { error: "productIds must name at least one product" })
  .max(100, { error: "productIds may name at most 100 products" })
  .refine((ids) => new Set(ids).size === ids.length, { error: "productIds must not repeat a product" });

/** A price change in basis points: +1000 is +10 %, −2500 is −25 %. */
export const priceChangeBp = int("changeBp", MIN_PRICE_CHANGE_BP, MAX_PRICE_CHANGE_BP).refine((bp) => bp !== 0, { error: "changeBp must not be zero" });

/** One action over many products, applied in one unit of work (all or none). */
export const productBulkInput = z.object({
  productIds,
  action: z.discriminatedUnion(
    "type",
    [
      z.object({ type: z.literal("archive") }),
      z.object({ type: z.literal("restore") }),
      z.object({ type: z.literal("category"), categoryId: id("categoryId") }),
      z.object({ type: z.literal("price"), changeBp: priceChangeBp }),
    ],
    { error: "action.type must be archive, restore, category or price" },
  ),
});
/** What a price change would do, before it is applied. */
export const productPricePreviewInput = z.object({ productIds, changeBp: priceChangeBp });

const sku = z
  .string({ error: "sku must be text" })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: "sku may contain letters, digits, dot, dash and underscore (max 64)" })
  .transform((value) => value.toUpperCase());

const taxRateBp = int("taxRateBp", 0, 10_000);

export const variantCreateInput = z.object({
  sku,
  name: lengthIn(z.string({ error: "name must be text" }).trim(), { max: 80, tooLong: "name must be at most 80 characters" }).default(""),
  priceMinor: amountMinor("priceMinor", 1),
  stockOnHand: int("stockOnHand", 0, 1_000_000).default(0),
  active: z.boolean({ error: "active must be true or false" }).default(true),
});

const description = lengthIn(z.string({ error: "description must be text" }).trim(), { max: 5000, tooLong: "description must be at most 5000 characters" });
const active = z.boolean({ error: "active must be true or false" });
const images = z.array(text("images", 300)).max(10, { error: "images may hold at most 10 files" });

export const productCreateInput = z.object({
  name: text("name", 120),
  slug: slug().optional(),
  description: description.default(""),
  categoryId: id("categoryId"),
  active: active.default(true),
  taxRateBp: taxRateBp.nullable().default(null),
  hsnCode: hsnCode("hsnCode").nullable().default(null),
  images: images.default([]),
  variants: z
    .array(variantCreateInput)
    .min(1, { error: "variants must contain at least one variant" })
    .max(50, { error: "variants may hold at most 50 variants" })
    .refine((vs) => new Set(vs.map((v) => v.sku)).size === vs.length, { error: "variants must have distinct SKUs" }),
});

/** Only the fields sent change; no defaults, so an update never resets what it omits. */
export const productUpdateInput = z.object({
  productId: id("productId"),
  name: text("name", 120).optional(),
  slug: slug().optional(),
  description: description.optional(),
  categoryId: id("categoryId").optional(),
  active: active.optional(),
  taxRateBp: taxRateBp.nullable().optional(),
  hsnCode: hsnCode("hsnCode").nullable().optional(),
  images: images.optional(),
});

export const variantUpdateInput = z.object({
  variantId: id("variantId"),
  sku: sku.optional(),
  name: lengthIn(z.string({ error: "name must be text" }).trim(), { max: 80, tooLong: "name must be at most 80 characters" }).optional(),
  priceMinor: amountMinor("priceMinor", 1).optional(),
  active: z.boolean({ error: "active must be true or false" }).optional(),
});

export const variantAddInput = variantCreateInput.extend({ productId: id("productId") });

/** A counted correction of on-hand stock; the reason goes to the audit log. */
export const stockAdjustmentInput = z.object({
  variantId: id("variantId"),
  delta: int("delta", -1_000_000, 1_000_000).refine((d) => d !== 0, { error: "delta must not be zero" }),
  reason: text("reason", 200, 3),
});
