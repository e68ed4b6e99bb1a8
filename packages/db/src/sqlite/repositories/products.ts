import type { ProductPatch, ProductRepository, Variant, VariantPatch } from "@bbscart/core";
import type { Connection } from "../connection.js";
import { encodeJson, jsonList, toFlag, toMs } from "../codec.js";
import type { Executor } from "../executor.js";
import { entriesFor, productById, reindexProduct, toVariant, type VariantRow } from "./catalog-rows.js";
import { updateReturning, type PatchEncoders } from "./patch.js";
import { listProducts, searchProducts } from "./product-search.js";
import { lookupVocabulary } from "./vocabulary.js";
import { LIMIT_BOUND } from "../limit.js";

const productEncoders: PatchEncoders<ProductPatch> = {
  slug: (slug) => ({ slug }),
  name: (name) => ({ name }),
  description: (description) => ({ description }),
  categoryId: (categoryId) => ({ category_id: categoryId }),
  active: (active) => ({ active: toFlag(active) }),
  taxRateBp: (taxRateBp) => ({ tax_rate_bp: taxRateBp }),
  hsnCode: (hsnCode) => ({ hsn_code: hsnCode ?? null }),
  images: (images) => ({ images: encodeJson(images) }),
  imageAlts: (imageAlts) => ({ image_alts: encodeJson(imageAlts) }),
  updatedAt: (at) => ({ updated_at: toMs(at) }),
};

const variantEncoders: PatchEncoders<VariantPatch> = {
  sku: (sku) => ({ sku }),
  name: (name) => ({ name }),
  price: (price) => ({ price_minor: price.minor, currency: price.currency }),
  active: (active) => ({ active: toFlag(active) }),
};

function insertVariant(connection: Connection, variant: Variant): void {
  connection
    .prepare(
      `INSERT INTO variants (id, product_id, sku, name, price_minor, currency, on_hand, reserved, active)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      variant.id,
      variant.productId,
      variant.sku,
      variant.name,
      variant.price.minor,
      variant.price.currency,
      variant.stock.onHand,
      variant.stock.reserved,
      toFlag(variant.active),
    );
}

export function sqliteProducts(ex: Executor): ProductRepository {
  return {
    create: (product) =>
      ex.write((c) => {
        c.prepare(
          `INSERT INTO products (id, slug, name, description, category_id, active, images, image_alts, tax_rate_bp, hsn_code, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          product.id,
          product.slug,
          product.name,
          product.description,
          product.categoryId,
          toFlag(product.active),
          encodeJson(product.images),
          encodeJson(product.imageAlts),
          product.taxRateBp,
          product.hsnCode ?? null,
          toMs(product.createdAt),
          toMs(product.updatedAt),
        );
        for (const variant of product.variants) insertVariant(c, variant);
        reindexProduct(c, product.id);
      }),
    findById: (id) => ex.read((c) => productById(c, id)),
    findBySlug: (slug) =>
      ex.read((c) => {
        const row = c.prepare("SELECT id FROM products WHERE slug = ?").get(slug) as { id: string } | undefined;
        return row ? productById(c, row.id) : null;
      }),
    findEntries: (variantIds) =>
      ex.read((c) => {
        const rows = c.prepare("SELECT * FROM variants WHERE id IN (SELECT value FROM json_each(?))").all(jsonList(variantIds)) as VariantRow[];
        return new Map(entriesFor(c, rows).map((entry) => [entry.variant.id, entry]));
      }),
    search: (query) => ex.read((c) => searchProducts(c, query)),
    listing: (query) => ex.read((c) => listProducts(c, query)),
    lookupVocabulary: (request) => ex.read((c) => lookupVocabulary(c, request)),
    update: (id, patch) =>
      ex.write((c) => {
        if (!updateReturning(c, "products", ["id", id], patch, productEncoders)) return null;
        reindexProduct(c, id);
        return productById(c, id);
      }),
    addVariant: (variant) =>
      ex.write((c) => {
        insertVariant(c, variant);
        reindexProduct(c, variant.productId);
      }),
    updateVariant: (variantId, patch) =>
      ex.write((c) => {
        const row = updateReturning(c, "variants", ["id", variantId], patch, variantEncoders) as VariantRow | undefined;
        if (!row) return null;
        reindexProduct(c, row.product_id);
        return toVariant(row);
      }),
    lowStock: (threshold, limit) =>
      ex.read((c) => {
        const rows = c
          .prepare(`SELECT * FROM variants WHERE active = 1 AND on_hand - reserved <= ? ORDER BY on_hand - reserved, id ${LIMIT_BOUND}`)
          .all(threshold, limit) as VariantRow[];
        return entriesFor(c, rows);
      }),
  };
}
