import type { CatalogDeps } from "../common/index.js";
import { categoryAdmin } from "./categories.js";
import { decodeSlots, storeProductImage, type ImageLimits } from "./images.js";
import { productAdmin } from "./products.js";
import { catalogReads } from "./shop.js";
import { stockAdmin } from "./stock.js";

/** The catalog: the shop's reads, and the admin's products, variants, categories, stock and images. */
export function catalogService(deps: CatalogDeps & { images: ImageLimits }) {
  const slot = decodeSlots(deps.images.decodesAtOnce);
  return {
    ...catalogReads(deps.db),
    ...productAdmin(deps),
    ...categoryAdmin(deps),
    ...stockAdmin(deps),
    /** A product image upload (see `storeProductImage`); the key is then attached with `updateProduct`. */
    uploadImage: (bytes: Uint8Array) => storeProductImage(deps.files, bytes, deps.images, slot),
  };
}

export type CatalogService = ReturnType<typeof catalogService>;
