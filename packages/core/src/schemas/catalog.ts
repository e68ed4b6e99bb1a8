import { z } from "zod";
import { CATALOG_SORTS } from "../catalog/catalog.js";
import { amountMinor, id, int, lengthIn, optionalText, pageInput, slug, text } from "./fields.js";

export const catalogListInput = z
  .object({
    search: optionalText("search", 100),
    categoryId: id("categoryId").nullable().default(null),
    minPrice: amountMinor("minPrice").nullable().default(null),
    maxPrice: amountMinor("maxPrice").nullable().default(null),
    inStock: z.boolean({ error: "inStock must be true or false" }).nullable().default(null),
    sort: z.enum(CATALOG_SORTS, { error: `sort must be one of ${CATALOG_SORTS.join(", ")}` }).default("relevance"),
    ...pageInput,
  })
  .refine((q) => q.minPrice === null || q.maxPrice === null || q.minPrice <= q.maxPrice, {
    error: "minPrice must not exceed maxPrice",
    path: ["minPrice"],
  });

export const productSlugInput = z.object({ slug: slug() });
export const productIdInput = z.object({ productId: id("productId") });

export const categoryInput = z.object({
  name: text("name", 80),
  slug: slug().optional(),
  parentId: id("parentId").nullable().default(null),
});
/** Only the fields sent change: no defaults, so renaming a category keeps its parent. */
export const categoryUpdateInput = z.object({
  categoryId: id("categoryId"),
  name: text("name", 80).optional(),
  slug: slug().optional(),
  parentId: id("parentId").nullable().optional(),
});

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
