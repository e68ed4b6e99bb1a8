import { z } from "zod";
import { moneyOutput, nextCursor } from "./shared.js";

export const categoryOutput = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), parentId: z.string().nullable() })
  .meta({ id: "Category" });

const productSummaryShape = {
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  categoryId: z.string(),
  images: z.array(z.string()).meta({ description: "Paths under /uploads, served by this API." }),
  priceRange: z.object({ min: moneyOutput, max: moneyOutput }).nullable(),
  inStock: z.boolean(),
  variants: z.array(z.object({ id: z.string(), sku: z.string(), name: z.string(), price: moneyOutput, inStock: z.boolean() })),
};

export const productPageOutput = z
  .object({ items: z.array(z.object(productSummaryShape).meta({ id: "ProductSummary" })), nextCursor })
  .meta({ id: "ProductPage" });

export const productOutput = z
  .object({ ...productSummaryShape, description: z.string(), category: categoryOutput.nullable() })
  .meta({ id: "Product" });

export const categoriesOutput = z.array(categoryOutput);
