/*
 * Product images in several sizes. Every stored product image (`products/<name>.webp`, uploaded or
 * seeded) has siblings at fixed widths — WebP for `srcset`, and one JPEG for browsers without WebP —
 * named from the original's key, so a page derives every size from the one key the catalog holds.
 */

/** Widths in pixels each product image is stored at besides its original, smallest first. */
export const productImageWidths = [160, 320, 640] as const;

export type ProductImageWidth = (typeof productImageWidths)[number];

/** The width of the JPEG fallback: a product page on a phone at twice the density. */
export const fallbackImageWidth: ProductImageWidth = 640;

export const imageVariantFormats = ["webp", "jpeg"] as const;

export type ImageVariantFormat = (typeof imageVariantFormats)[number];

const extension: Record<ImageVariantFormat, string> = { webp: "webp", jpeg: "jpg" };

/**
 * The key (or URL: the key is its tail) of one stored size of an image:
 * `products/abc.webp` → `products/abc-320w.webp`, or `products/abc-640w.jpg` for the JPEG.
 */
export function imageVariantKey(key: string, width: ProductImageWidth, format: ImageVariantFormat = "webp"): string {
  return `${key.replace(/\.webp$/, "")}-${width}w.${extension[format]}`;
}

/** The original an image size was made from, or null when `key` names no size. */
export function imageVariantOf(key: string): { original: string; width: ProductImageWidth; format: ImageVariantFormat } | null {
  const match = /^(.+)-(\d+)w\.(webp|jpg)$/.exec(key);
  const width = productImageWidths.find((w) => String(w) === match?.[2]);
  if (!match || width === undefined) return null;
  return { original: `${match[1]}.webp`, width, format: match[3] === "jpg" ? "jpeg" : "webp" };
}

/** Every size stored beside an original: each width in WebP, and the JPEG fallback. */
export const storedImageSizes: ReadonlyArray<{ width: ProductImageWidth; format: ImageVariantFormat }> = [
  ...productImageWidths.map((width) => ({ width, format: "webp" as const })),
  { width: fallbackImageWidth, format: "jpeg" },
];

/** A `srcset` listing every WebP size of the image at `url`. */
export const imageSrcSet = (url: string): string => productImageWidths.map((width) => `${imageVariantKey(url, width)} ${width}w`).join(", ");
