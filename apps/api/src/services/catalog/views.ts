import { available, imageAltTexts, isInStock, onlyLeft, priceRange, type Category, type ListedProduct, type Product, type Variant } from "@bbscart/core";

/*
 * What leaves the API about the catalog. Shoppers see listing cards and product pages with only
 * what is on sale; admins see everything, stock levels included. Images are addressed by their
 * storage key and served by `http/uploads.ts` under `/uploads/<key>`.
 */

/** The URL a stored file is served at (relative, so it works behind any host name). */
export const imageUrl = (key: string) => `/uploads/${key}`;

const shopVariant = (variant: Variant) => ({
  id: variant.id,
  sku: variant.sku,
  name: variant.name,
  price: variant.price,
  inStock: available(variant.stock) > 0,
});

/**
 * A product as a listing card: cover, price range, in-stock flag and its variants on sale.
 * `imageAlts` are what each picture's `alt` says, the product's name standing in for a missing text.
 */
export function productCard(product: ListedProduct) {
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    categoryId: product.categoryId,
    images: product.images.map(imageUrl),
    imageAlts: imageAltTexts(product.name, product),
    priceRange: priceRange(product),
    inStock: isInStock(product),
    variants: product.variants.filter((variant) => variant.active).map(shopVariant),
  };
}

/** A category as the shop shows it: on its page, the description and picture head the product list. */
export const categoryView = (category: Category) => ({
  id: category.id,
  slug: category.slug,
  name: category.name,
  parentId: category.parentId,
  description: category.description,
  image: category.image === null ? null : imageUrl(category.image),
});

/** Everything an admin edits, with its place in the tree and whether it is archived. */
export const adminCategoryView = (category: Category) => ({
  ...categoryView(category),
  imageKey: category.image,
  position: category.position,
  archivedAt: category.archivedAt,
});

/**
 * A product page: the card plus its description and category, and on each variant how many are
 * left when that is low (`lowStockThreshold`), so the page says "Only 2 left" and its quantity
 * picker stops there.
 */
export function productDetail(product: Product, category: Category | null, lowStockThreshold: number) {
  return {
    ...productCard(product),
    variants: product.variants.filter((variant) => variant.active).map((variant) => ({ ...shopVariant(variant), onlyLeft: onlyLeft(variant.stock, lowStockThreshold) })),
    description: product.description,
    category: category ? categoryView(category) : null,
  };
}

export const adminVariantView = (variant: Variant) => ({
  id: variant.id,
  productId: variant.productId,
  sku: variant.sku,
  name: variant.name,
  price: variant.price,
  active: variant.active,
  stock: { onHand: variant.stock.onHand, reserved: variant.stock.reserved, available: available(variant.stock) },
});

/** A product's own fields that an admin edits directly. */
const editableFields = (product: Product) => ({
  slug: product.slug,
  name: product.name,
  description: product.description,
  categoryId: product.categoryId,
  active: product.active,
  taxRateBp: product.taxRateBp,
  hsnCode: product.hsnCode ?? null,
});

/** Everything an admin edits, inactive variants and stock levels included. */
export function adminProductView(product: Product) {
  const shownAlts = imageAltTexts(product.name, product);
  return {
    id: product.id,
    ...editableFields(product),
    // `alt` as the admin wrote it ("" for none); `shownAlt` is what the shop shows in its place.
    images: product.images.map((key, index) => ({ key, url: imageUrl(key), alt: product.imageAlts[index] ?? "", shownAlt: shownAlts[index] ?? product.name })),
    priceRange: priceRange(product),
    inStock: isInStock(product),
    variants: product.variants.map(adminVariantView),
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}

/** A variant as the audit log keeps it (plain JSON; stock moves through `stock.adjust`). */
export const variantSnapshot = (variant: Variant) => ({
  id: variant.id,
  sku: variant.sku,
  name: variant.name,
  priceMinor: variant.price.minor,
  currency: variant.price.currency,
  active: variant.active,
});

/** A product as the audit log keeps it. */
export const productSnapshot = (product: Product) => ({
  ...editableFields(product),
  images: [...product.images],
  imageAlts: [...product.imageAlts],
  variants: product.variants.map(variantSnapshot),
});

/** A category as the audit log keeps it (plain JSON). */
export const categorySnapshot = (category: Category) => ({
  slug: category.slug,
  name: category.name,
  parentId: category.parentId,
  position: category.position,
  description: category.description,
  image: category.image,
  archivedAt: category.archivedAt?.toISOString() ?? null,
});
