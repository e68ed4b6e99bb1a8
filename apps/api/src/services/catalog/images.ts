import { createHash } from "node:crypto";
import type SharpModule from "sharp";
import { err, imageVariantKey, ok, storedImageSizes, type FileStorage, type Result } from "@bbscart/core";
import { refused } from "../common/index.js";
import { imageUrl } from "./views.js";

/** Formats an admin may upload, as sharp names them after reading the bytes (never the file name). */
const acceptedFormats = new Set(["jpeg", "png", "webp"]);

/** Longest edge kept: enough for a zoomed product page, small enough to serve fast. */
export const MAX_IMAGE_EDGE = 1600;

/** How many uploads may decode at once, and the largest canvas one may declare (IMAGE_* settings). */
export interface ImageLimits {
  decodesAtOnce: number;
  maxPixels: number;
}

/**
 * At most `slots` holders at a time; the rest wait in arrival order. Decoding is what costs memory
 * (about 4 bytes a pixel, per decode), so bounding the decodes bounds the API's memory under a burst
 * of uploads, whatever the number of requests.
 */
export function decodeSlots(slots: number) {
  let free = slots;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (free > 0) free -= 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}

type Sharp = typeof SharpModule;
let loaded: Promise<Sharp> | undefined;
/**
 * Loaded on the first upload, not at start-up: libvips adds ~28 MiB to every API process, and most
 * of them never see an upload. Its operation cache is turned off and each decode gets one thread,
 * so the memory a burst of decodes took is given back afterwards instead of kept for reuse.
 */
const loadSharp = (): Promise<Sharp> =>
  (loaded ??= import("sharp").then(({ default: sharp }) => {
    sharp.cache(false);
    sharp.concurrency(1);
    return sharp;
  }));

export type ImageRefusal = { code: "UNSUPPORTED_IMAGE"; message: string };

/**
 * Stores an uploaded product image. The bytes are sniffed (JPEG, PNG or WebP only), decoded and
 * always re-encoded to WebP — oriented, metadata (EXIF, GPS, ICC comments) stripped, capped at
 * {@link MAX_IMAGE_EDGE} — so nothing the uploader smuggled in survives. The key is the hash of the
 * stored bytes: the same picture always lands on the same key, and a changed picture gets a new
 * URL, so long-lived caches never serve stale bytes. Beside it go the sizes pages offer in
 * `srcset` (core's `storedImageSizes`: WebP at each width, never enlarged, and a JPEG fallback),
 * named from that key, so they are as immutable as it is.
 */
export async function storeProductImage(
  files: FileStorage,
  bytes: Uint8Array,
  limits: Pick<ImageLimits, "maxPixels">,
  slot: ReturnType<typeof decodeSlots>,
): Promise<Result<{ key: string; url: string }, ImageRefusal>> {
  const refuse = (message = "Image must be a JPEG, PNG or WebP file") => err({ code: "UNSUPPORTED_IMAGE" as const, message });
  const sharp = await loadSharp();
  // The header alone (no decode) says the format and the canvas: refuse before taking a slot.
  let format: string | undefined;
  let pixels: number;
  try {
    const metadata = await sharp(bytes).metadata();
    format = metadata.format;
    pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
  } catch {
    return refuse();
  }
  if (!format || !acceptedFormats.has(format)) return refuse();
  if (pixels > limits.maxPixels) return refuse(`Image must be at most ${limits.maxPixels} pixels (width × height)`);
  const sized = (edge: number) =>
    sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: "error" })
      .rotate()
      .resize({ width: edge, height: edge, fit: "inside", withoutEnlargement: true });
  let webp: Buffer;
  let sizes: Array<(typeof storedImageSizes)[number] & { bytes: Buffer }>;
  try {
    [webp, sizes] = await slot(async () => {
      const original = await sized(MAX_IMAGE_EDGE).webp({ quality: 82 }).toBuffer();
      const variants = [];
      for (const size of storedImageSizes) {
        const resized = sized(size.width);
        variants.push({ ...size, bytes: await (size.format === "webp" ? resized.webp({ quality: 80 }) : resized.flatten({ background: "#fff" }).jpeg({ quality: 80 })).toBuffer() });
      }
      return [original, variants] as const;
    });
  } catch {
    // sharp could not decode it: not an image we take, whatever its header says.
    return refuse();
  }
  const key = `products/${createHash("sha256").update(webp).digest("hex")}.webp`;
  // The sizes first: once the original is there, its key is valid for a product, and every size it names must exist.
  for (const size of sizes) await files.put(imageVariantKey(key, size.width, size.format), size.bytes, `image/${size.format}`);
  await files.put(key, webp, "image/webp");
  return ok({ key, url: imageUrl(key) });
}

/** Product images must be files we stored (uploaded or seeded), never arbitrary strings or URLs. */
export async function requireStoredImages(files: FileStorage, keys: readonly string[], field: "image" | "images" = "images"): Promise<void> {
  for (const key of new Set(keys)) {
    if (!(await files.get(key))) throw refused({ code: "UPLOAD_MISSING", field, key });
  }
}
