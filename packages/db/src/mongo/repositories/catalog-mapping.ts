import type { ClientSession } from "mongoose";
import type { CatalogEntry, Product, Variant } from "@bbscart/core";
import { searchWords } from "../../search-words.js";
import type { Models } from "../models/index.js";
import type { ProductDoc } from "../models/products.js";
import type { VariantDoc } from "../models/variants.js";

export function toVariant(doc: VariantDoc): Variant {
  return {
    id: doc._id,
    productId: doc.productId,
    sku: doc.sku,
    name: doc.name,
    price: { minor: doc.price.minor, currency: doc.price.currency },
    stock: { onHand: doc.onHand, reserved: doc.reserved },
    active: doc.active,
  };
}

export function variantDoc(variant: Variant, position: number): VariantDoc {
  const { onHand, reserved } = variant.stock;
  return {
    _id: variant.id,
    productId: variant.productId,
    position,
    sku: variant.sku,
    name: variant.name,
    price: { minor: variant.price.minor, currency: variant.price.currency },
    active: variant.active,
    onHand,
    reserved,
    available: onHand - reserved,
  };
}

/** The fields a product derives from its variants; rewritten whenever a variant changes. */
export function variantDenormals(variants: readonly Pick<VariantDoc, "sku" | "active" | "price">[]): Pick<ProductDoc, "skus" | "minPriceMinor"> {
  const prices = variants.filter((v) => v.active).map((v) => v.price.minor);
  return { skus: variants.map((v) => v.sku), minPriceMinor: prices.length > 0 ? Math.min(...prices) : null };
}

/** What a product's search tokens derive from. */
export type SearchSources = Pick<ProductDoc, "name" | "description" | "categoryName" | "skus">;

/** The search tokens of a product; rewritten whenever one of their sources changes (ADR 027). */
export function searchDenormals(sources: SearchSources): Pick<ProductDoc, "searchTokens" | "nameTokens"> {
  const named = [sources.name, ...sources.skus].flatMap((text) => searchWords(text));
  const all = [...named, ...searchWords(sources.description), ...searchWords(sources.categoryName)];
  return { searchTokens: [...new Set(all)], nameTokens: [...new Set(named)] };
}

export function productDoc(product: Product, categoryName: string): ProductDoc {
  const derived = variantDenormals(product.variants);
  return {
    _id: product.id,
    slug: product.slug,
    name: product.name,
    description: product.description,
    categoryId: product.categoryId,
    active: product.active,
    images: [...product.images],
    taxRateBp: product.taxRateBp,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    categoryName,
    ...derived,
    ...searchDenormals({ name: product.name, description: product.description, categoryName, skus: derived.skus }),
  };
}

export function toProduct(doc: ProductDoc, variants: readonly VariantDoc[]): Product {
  return {
    id: doc._id,
    slug: doc.slug,
    name: doc.name,
    description: doc.description,
    categoryId: doc.categoryId,
    active: doc.active,
    images: doc.images,
    taxRateBp: doc.taxRateBp,
    variants: variants.map(toVariant),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** Products with their variants (in the order they were created), in the order of `docs`. */
export async function withVariants(models: Models, session: ClientSession | undefined, docs: readonly ProductDoc[]): Promise<Product[]> {
  if (docs.length === 0) return [];
  const variants = await models.variants
    .find({ productId: { $in: docs.map((d) => d._id) } }, null, { session })
    .sort({ productId: 1, position: 1 })
    .lean<VariantDoc[]>();
  const byProduct = new Map<string, VariantDoc[]>();
  for (const variant of variants) byProduct.set(variant.productId, [...(byProduct.get(variant.productId) ?? []), variant]);
  return docs.map((doc) => toProduct(doc, byProduct.get(doc._id) ?? []));
}

/** Catalog entries for variant documents, each with its whole product. */
export async function entriesFor(models: Models, session: ClientSession | undefined, variantDocs: readonly VariantDoc[]): Promise<CatalogEntry[]> {
  const productIds = [...new Set(variantDocs.map((v) => v.productId))];
  const productDocs = await models.products.find({ _id: { $in: productIds } }, null, { session }).lean<ProductDoc[]>();
  const products = new Map((await withVariants(models, session, productDocs)).map((p) => [p.id, p]));
  return variantDocs.flatMap((v) => {
    const product = products.get(v.productId);
    const variant = product?.variants.find((candidate) => candidate.id === v._id);
    return product && variant ? [{ product, variant }] : [];
  });
}
