import type { ClientSession } from "mongoose";
import { entryProduct, type CatalogEntry, type ListedProduct, type Product, type Variant } from "@bbscart/core";
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

/**
 * Sort keys for a missing price: no price sorts last both ways, as on SQLite
 * (`IFNULL(min_price_minor, 9007199254740991)` ascending, `IFNULL(…, -1)` descending).
 */
export const NO_PRICE_LAST_ASC = Number.MAX_SAFE_INTEGER;
export const NO_PRICE_LAST_DESC = -1;

/** The fields a product derives from its variants; rewritten whenever a variant changes. */
export function variantDenormals(
  variants: readonly Pick<VariantDoc, "sku" | "active" | "price">[],
): Pick<ProductDoc, "skus" | "minPriceMinor" | "priceAscKey" | "priceDescKey"> {
  const prices = variants.filter((v) => v.active).map((v) => v.price.minor);
  const minPriceMinor = prices.length > 0 ? Math.min(...prices) : null;
  return { skus: variants.map((v) => v.sku), minPriceMinor, ...priceKeys(minPriceMinor) };
}

/** The price sort keys of a cheapest price (null: none active). */
export function priceKeys(minPriceMinor: number | null): Pick<ProductDoc, "priceAscKey" | "priceDescKey"> {
  return { priceAscKey: minPriceMinor ?? NO_PRICE_LAST_ASC, priceDescKey: minPriceMinor ?? NO_PRICE_LAST_DESC };
}

/**
 * A name's sort key: ASCII letters lower-cased, everything else as written — exactly what SQLite's
 * `COLLATE NOCASE` compares, so both engines list names in one order (ADR 081).
 */
export function nameKey(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** What a product's search tokens derive from. */
export type SearchSources = Pick<ProductDoc, "name" | "description" | "categoryName" | "skus">;

/** The search tokens and name sort key of a product; rewritten whenever one of their sources changes (ADR 027). */
export function textDenormals(sources: SearchSources): Pick<ProductDoc, "searchTokens" | "nameTokens" | "nameKey"> {
  const named = [sources.name, ...sources.skus].flatMap((text) => searchWords(text));
  const all = [...named, ...searchWords(sources.description), ...searchWords(sources.categoryName)];
  return { searchTokens: [...new Set(all)], nameTokens: [...new Set(named)], nameKey: nameKey(sources.name) };
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
    imageAlts: [...product.imageAlts],
    taxRateBp: product.taxRateBp,
    ...(typeof product.hsnCode === "string" && { hsnCode: product.hsnCode }),
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    categoryName,
    ...derived,
    ...textDenormals({ name: product.name, description: product.description, categoryName, skus: derived.skus }),
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
    imageAlts: doc.imageAlts,
    taxRateBp: doc.taxRateBp,
    ...(typeof doc.hsnCode === "string" && { hsnCode: doc.hsnCode }),
    variants: variants.map(toVariant),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** The variants of the products named, in the order they were created, by product id. */
async function variantsOf(models: Models, session: ClientSession | undefined, productIds: readonly string[]): Promise<Map<string, VariantDoc[]>> {
  const variants = await models.variants
    .find({ productId: { $in: productIds } }, null, { session })
    .sort({ productId: 1, position: 1 })
    .lean<VariantDoc[]>();
  const byProduct = new Map<string, VariantDoc[]>();
  for (const variant of variants) byProduct.set(variant.productId, [...(byProduct.get(variant.productId) ?? []), variant]);
  return byProduct;
}

/** Products with their variants (in the order they were created), in the order of `docs`. */
export async function withVariants(models: Models, session: ClientSession | undefined, docs: readonly ProductDoc[]): Promise<Product[]> {
  if (docs.length === 0) return [];
  const byProduct = await variantsOf(models, session, docs.map((doc) => doc._id));
  return docs.map((doc) => toProduct(doc, byProduct.get(doc._id) ?? []));
}

/** The fields of a product document a listing card reads (`ListedProduct`); a listing projects to these. */
export const LISTED_FIELDS = ["slug", "name", "categoryId", "images", "imageAlts"] as const;

export type ListedDoc = Pick<ProductDoc, "_id" | (typeof LISTED_FIELDS)[number]>;

/** Listed products (documents projected to `LISTED_FIELDS`) with their variants, in the order of `docs`. */
export async function listedWithVariants(models: Models, session: ClientSession | undefined, docs: readonly ListedDoc[]): Promise<ListedProduct[]> {
  if (docs.length === 0) return [];
  const byProduct = await variantsOf(models, session, docs.map((doc) => doc._id));
  return docs.map((doc) => ({
    id: doc._id,
    slug: doc.slug,
    name: doc.name,
    categoryId: doc.categoryId,
    images: doc.images,
    imageAlts: doc.imageAlts,
    variants: (byProduct.get(doc._id) ?? []).map(toVariant),
  }));
}

/** Catalog entries for variant documents, each with its product as an entry carries it (`entryProduct`). */
export async function entriesFor(models: Models, session: ClientSession | undefined, variantDocs: readonly VariantDoc[]): Promise<CatalogEntry[]> {
  const productIds = [...new Set(variantDocs.map((v) => v.productId))];
  const productDocs = await models.products.find({ _id: { $in: productIds } }, null, { session }).lean<ProductDoc[]>();
  const products = new Map((await withVariants(models, session, productDocs)).map((p) => [p.id, p]));
  return variantDocs.flatMap((v) => {
    const product = products.get(v.productId);
    const variant = product?.variants.find((candidate) => candidate.id === v._id);
    return product && variant ? [{ product: entryProduct(product), variant }] : [];
  });
}

/**
 * Gives products stored before the name and price sort keys existed their keys (ADR 081). Runs at
 * open; on a database written by this version it reads nothing (no product lacks a key).
 */
/** Products stored before alt text (ADR 148) get one empty text per image, so the two lists line up. */
export async function fillImageAlts({ products }: Models): Promise<void> {
  const missing = await products.find({ imageAlts: { $exists: false } }, { images: 1 }).lean<Pick<ProductDoc, "_id" | "images">[]>();
  if (missing.length === 0) return;
  await products.bulkWrite(missing.map((doc) => ({ updateOne: { filter: { _id: doc._id }, update: { $set: { imageAlts: doc.images.map(() => "") } } } })));
}

export async function fillSortKeys({ products }: Models): Promise<void> {
  const missing = await products.find({ nameKey: { $exists: false } }, { name: 1, minPriceMinor: 1 }).lean<Pick<ProductDoc, "_id" | "name" | "minPriceMinor">[]>();
  if (missing.length === 0) return;
  await products.bulkWrite(
    missing.map((doc) => ({ updateOne: { filter: { _id: doc._id }, update: { $set: { nameKey: nameKey(doc.name), ...priceKeys(doc.minPriceMinor) } } } })),
  );
}
