import { z } from "zod";
import { hsnCode } from "./gst.js";
import { CATALOG_SORTS, PRODUCT_STATUSES } from "../catalog/catalog.js";
import { MAX_ALT_TEXT } from "../catalog/image-alts.js";
import { MAX_PRICE_CHANGE_BP, MIN_PRICE_CHANGE_BP } from "../catalog/price-change.js";
import { amountMinor, id, int, labelled, lengthIn, oneOf, optionalText, pageInput, percentBp, slug, text, yesNo } from "./fields.js";

const catalogListFields = {
  search: optionalText("Search", 100),
  categoryId: id("Category").nullable().default(null),
  minPrice: amountMinor("Min price").nullable().default(null),
  maxPrice: amountMinor("Max price").nullable().default(null),
  inStock: yesNo("In stock only").nullable().default(null),
  sort: oneOf("Sort by", CATALOG_SORTS, "relevance, newest, price low to high, price high to low or name").default("relevance"),
  ...pageInput,
};

const priceOrder = {
  check: (q: { minPrice: number | null; maxPrice: number | null }) => q.minPrice === null || q.maxPrice === null || q.minPrice <= q.maxPrice,
  params: { error: "Min price must not exceed max price", path: ["minPrice"] },
};

export const catalogListInput = z.object(catalogListFields).refine(priceOrder.check, priceOrder.params);

/** The admin's product list: the shop's filters plus the status (on sale or archived). */
export const adminCatalogListInput = z
  .object({ ...catalogListFields, status: oneOf("Status", PRODUCT_STATUSES).nullable().default(null) })
  .refine(priceOrder.check, priceOrder.params);

export const productSlugInput = z.object({ slug: slug() });
export const productIdInput = z.object({ productId: id("Product") });

const categoryDescription = labelled(lengthIn(z.string({ error: "Description must be text" }).trim(), { max: 2000, tooLong: "Description must be at most 2000 characters" }), "Description");
/** A stored upload's key (from `POST /api/admin/uploads`), or null for none. */
const categoryImage = text("Image", 300).nullable();

export const categoryInput = z.object({
  name: text("Name", 80),
  slug: slug().optional(),
  parentId: id("Parent category").nullable().default(null),
  description: categoryDescription.default(""),
  image: categoryImage.default(null),
});
/** Only the fields sent change: no defaults, so renaming a category keeps its parent. A new parent moves it (last there). */
export const categoryUpdateInput = z.object({
  categoryId: id("Category"),
  name: text("Name", 80).optional(),
  slug: slug().optional(),
  parentId: id("Parent category").nullable().optional(),
  description: categoryDescription.optional(),
  image: categoryImage.optional(),
});
export const categoryIdInput = z.object({ categoryId: id("Category") });
/** Re-parent and/or reorder: the category goes under `parentId` (null = top level) at `position` among its siblings (null = last). */
export const categoryMoveInput = z.object({
  categoryId: id("Category"),
  parentId: id("Parent category").nullable(),
  position: int("Position", 0, 10_000).nullable().default(null),
});

const productIds = labelled(
  z
    .array(id("Product"), { error: "Products must be a list of products" })
    .min(1, { error: "Pick at least one product" })
    .max(100, { error: "Pick at most 100 products" })
    .refine((ids) => new Set(ids).size === ids.length, { error: "Products must not repeat a product" }),
  "Products",
);

/** A price change in basis points: +1000 is +10 %, −2500 is −25 %. */
export const priceChangeBp = percentBp("Price change %", MIN_PRICE_CHANGE_BP, MAX_PRICE_CHANGE_BP).refine((bp) => bp !== 0, { error: "Price change % must not be zero" });

/** One action over many products, applied in one unit of work (all or none). */
export const productBulkInput = z.object({
  productIds,
  action: labelled(
    z.discriminatedUnion(
    "type",
    [
      z.object({ type: z.literal("archive") }),
      z.object({ type: z.literal("restore") }),
      z.object({ type: z.literal("category"), categoryId: id("Category") }),
      z.object({ type: z.literal("price"), changeBp: priceChangeBp }),
    ],
      { error: "Action must be archive, restore, move to a category or change the price" },
    ),
    "Action",
  ),
});
/** What a price change would do, before it is applied. */
export const productPricePreviewInput = z.object({ productIds, changeBp: priceChangeBp });

const sku = labelled(
  z
    .string({ error: "SKU must be text" })
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: "SKU may contain letters, digits, dot, dash and underscore (max 64)" }),
  "SKU",
).transform((value) => value.toUpperCase());

const taxRateBp = percentBp("Tax rate %", 0, 10_000);
const variantName = labelled(lengthIn(z.string({ error: "Variant name must be text" }).trim(), { max: 80, tooLong: "Variant name must be at most 80 characters" }), "Variant name");
const price = amountMinor("Price", 1);

export const variantCreateInput = z.object({
  sku,
  name: variantName.default(""),
  priceMinor: price,
  stockOnHand: int("Stock on hand", 0, 1_000_000).default(0),
  active: yesNo("On sale").default(true),
});

const description = labelled(lengthIn(z.string({ error: "Description must be text" }).trim(), { max: 5000, tooLong: "Description must be at most 5000 characters" }), "Description");
const active = yesNo("On sale");
const images = labelled(z.array(text("Image", 300), { error: "Images must be a list of images" }).max(10, { error: "Images may hold at most 10 files" }), "Images");
const altText = labelled(lengthIn(z.string({ error: "Alt text must be text" }).trim(), { max: MAX_ALT_TEXT, tooLong: `Alt text must be at most ${MAX_ALT_TEXT} characters` }), "Alt text");
/** One text per image, in the order of `images`; optional, so clients that send only `images` keep working (ADR 148). */
const imageAlts = labelled(z.array(altText, { error: "Alt texts must be a list of texts" }).max(10, { error: "Alt texts may hold at most 10 texts" }), "Alt texts");
/** Sent together, the two lists line up; the service checks a list sent alone against the stored one. */
const altsLineUp = {
  check: (input: { images?: readonly string[]; imageAlts?: readonly string[] }) => input.images === undefined || input.imageAlts === undefined || input.images.length === input.imageAlts.length,
  params: { error: "Alt texts must have one text for each image", path: ["imageAlts"] },
};

export const productCreateInput = z.object({
  name: text("Name", 120),
  slug: slug().optional(),
  description: description.default(""),
  categoryId: id("Category"),
  active: active.default(true),
  taxRateBp: taxRateBp.nullable().default(null),
  hsnCode: hsnCode("HSN/SAC code").nullable().default(null),
  images: images.default([]),
  imageAlts: imageAlts.optional(),
  variants: labelled(
    z
      .array(variantCreateInput, { error: "Variants must be a list of variants" })
      .min(1, { error: "Add at least one variant" })
      .max(50, { error: "A product may have at most 50 variants" })
      .refine((vs) => new Set(vs.map((v) => v.sku)).size === vs.length, { error: "Each variant needs its own SKU" }),
    "Variants",
  ),
}).refine(altsLineUp.check, altsLineUp.params);

/** Only the fields sent change; no defaults, so an update never resets what it omits. */
export const productUpdateInput = z.object({
  productId: id("Product"),
  name: text("Name", 120).optional(),
  slug: slug().optional(),
  description: description.optional(),
  categoryId: id("Category").optional(),
  active: active.optional(),
  taxRateBp: taxRateBp.nullable().optional(),
  hsnCode: hsnCode("HSN/SAC code").nullable().optional(),
  images: images.optional(),
  imageAlts: imageAlts.optional(),
}).refine(altsLineUp.check, altsLineUp.params);

export const variantUpdateInput = z.object({
  variantId: id("Variant"),
  sku: sku.optional(),
  name: variantName.optional(),
  priceMinor: price.optional(),
  active: active.optional(),
});

export const variantAddInput = variantCreateInput.extend({ productId: id("Product") });

/** A counted correction of on-hand stock; the reason goes to the audit log. */
export const stockAdjustmentInput = z.object({
  variantId: id("Variant"),
  delta: int("Change in stock", -1_000_000, 1_000_000).refine((d) => d !== 0, { error: "Change in stock must not be zero" }),
  reason: text("Reason", 200, 3),
});
