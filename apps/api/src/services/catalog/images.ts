import { createHash } from "node:crypto";
import { err, ok, type FileStorage, type Result } from "@bbscart/core";
import { AppError } from "../common/index.js";
import { imageUrl } from "./views.js";

/** Formats an admin may upload, as sharp names them after reading the bytes (never the file name). */
const acceptedFormats = new Set(["jpeg", "png", "webp"]);

/** Longest edge kept: enough for a zoomed product page, small enough to serve fast. */
export const MAX_IMAGE_EDGE = 1600;

/** Refuses decompression bombs (a tiny file declaring a gigantic canvas) before decoding them. */
const MAX_INPUT_PIXELS = 40_000_000;

export type ImageRefusal = { code: "UNSUPPORTED_IMAGE"; message: string };

/**
 * Stores an uploaded product image. The bytes are sniffed (JPEG, PNG or WebP only), decoded and
 * always re-encoded to WebP — oriented, metadata (EXIF, GPS, ICC comments) stripped, capped at
 * {@link MAX_IMAGE_EDGE} — so nothing the uploader smuggled in survives. The key is the hash of the
 * stored bytes: the same picture always lands on the same key, and a changed picture gets a new
 * URL, so long-lived caches never serve stale bytes.
 */
export async function storeProductImage(files: FileStorage, bytes: Uint8Array): Promise<Result<{ key: string; url: string }, ImageRefusal>> {
  const refuse = () => err({ code: "UNSUPPORTED_IMAGE" as const, message: "file must be a JPEG, PNG or WebP image" });
  let webp: Buffer;
  try {
    // Loaded on the first upload, not at start-up: libvips adds ~28 MiB to every API process,
    // and most of them never see an upload.
    const { default: sharp } = await import("sharp");
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" });
    const { format } = await image.metadata();
    if (!acceptedFormats.has(format)) return refuse();
    webp = await image
      .rotate()
      .resize({ width: MAX_IMAGE_EDGE, height: MAX_IMAGE_EDGE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    // sharp could not read or decode it: not an image we take, whatever its name says.
    return refuse();
  }
  const key = `products/${createHash("sha256").update(webp).digest("hex")}.webp`;
  await files.put(key, webp, "image/webp");
  return ok({ key, url: imageUrl(key) });
}

/** Product images must be files we stored (uploaded or seeded), never arbitrary strings or URLs. */
export async function requireStoredImages(files: FileStorage, keys: readonly string[]): Promise<void> {
  for (const key of new Set(keys)) {
    if (!(await files.get(key))) throw new AppError("BAD_REQUEST", `images: no uploaded file ${key}; upload it first`, { field: "images" });
  }
}
