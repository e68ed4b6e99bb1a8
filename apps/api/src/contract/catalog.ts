import { z } from "zod";
import { at, moneyOutput, nextCursor } from "./shared.js";

const categoryShape = {
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  description: z.string().meta({ description: "Shown on the shop's category page." }),
  image: z.string().nullable().meta({ description: "Path under /uploads, served by this API; null without a picture." }),
};

export const categoryOutput = z.object(categoryShape).meta({ id: "Category" });

export const adminCategoryOutput = z
  .object({
    ...categoryShape,
    imageKey: z.string().nullable().meta({ description: "The stored upload's key, as `image` takes it in create and update." }),
    position: z.number().int().meta({ description: "Place among its siblings, 0 first." }),
    archivedAt: at("When it was archived (hidden from the shop); null while live.").nullable(),
  })
  .meta({ id: "AdminCategory" });

const productSummaryShape = {
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  categoryId: z.string(),
  images: z.array(z.string()).meta({ description: "Paths under /uploads, served by this API." }),
  imageAlts: z.array(z.string()).meta({
    description: "The `alt` of each picture in `images`, at the same index: the admin's text, else the product's name (numbered when there are several pictures).",
  }),
  priceRange: z.object({ min: moneyOutput, max: moneyOutput }).nullable(),
  inStock: z.boolean(),
  variants: z.array(z.object({ id: z.string(), sku: z.string(), name: z.string(), price: moneyOutput, inStock: z.boolean() })),
};

const searchSuggestionOutput = z
  .object({
    query: z.string().meta({ description: "The search text with its typos corrected from the catalog's own words." }),
    applied: z.boolean().meta({
      description: "true: nothing matched as typed, so `items` are the corrected search's results; false: `items` are as typed and the corrected search finds more.",
    }),
  })
  .meta({ id: "SearchSuggestion" });

export const productPageOutput = z
  .object({
    items: z.array(z.object(productSummaryShape).meta({ id: "ProductSummary" })),
    nextCursor,
    suggestion: searchSuggestionOutput.nullable().meta({ description: "Present when a search found few or no products and a spelling correction finds more." }),
  })
  .meta({ id: "ProductPage" });

const productVariantOutput = z.object({
  ...productSummaryShape.variants.element.shape,
  onlyLeft: z
    .number()
    .int()
    .nullable()
    .meta({ description: "How many are left when that is low (at most the store's low-stock threshold, above zero); null otherwise. The cart refuses more than are left." }),
});

export const productOutput = z
  .object({ ...productSummaryShape, variants: z.array(productVariantOutput), description: z.string(), category: categoryOutput.nullable() })
  .meta({ id: "Product" });

export const categoriesOutput = z.array(categoryOutput);
export const adminCategoriesOutput = z.array(adminCategoryOutput);

const priceChangeOutput = z.object({
  productId: z.string(),
  productName: z.string(),
  variantId: z.string(),
  sku: z.string(),
  variantName: z.string(),
  before: moneyOutput,
  after: moneyOutput,
});

export const pricePreviewOutput = z.object({ changes: z.array(priceChangeOutput) }).meta({ id: "PriceChangePreview" });
export const productBulkOutput = z
  .object({
    updated: z.number().int().meta({ description: "Products changed (all named, or none: the batch is one transaction)." }),
    changes: z.array(priceChangeOutput).meta({ description: "For a price change, every variant's old and new price; empty otherwise." }),
  })
  .meta({ id: "ProductBulkResult" });
