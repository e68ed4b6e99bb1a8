import { createHash } from "node:crypto";
import { Router } from "express";
import { imageVariantOf, type FileStorage } from "@bbscart/core";

/**
 * Serves stored uploads (product images) under `/uploads/<key>`. Every response is inert content:
 * `nosniff` so a browser never reinterprets it, and a CSP that forbids it from running anything.
 * Each carries an ETag of its bytes, so a client revalidating (a reload, or a file seeded under a
 * fixed name rather than a hash) gets a 304 instead of the image again.
 *
 * A size of an image stored before sizes were made (a store seeded or filled by an older version)
 * is answered with its original, so `srcset` never shows a broken picture; re-uploading or
 * re-seeding makes the real sizes.
 */
export function uploadRoutes(files: FileStorage): Router {
  const routes = Router();
  routes.get("/uploads/{*key}", async (req, res) => {
    const key = ([] as string[]).concat((req.params as { key?: string | string[] }).key ?? []).join("/");
    const variant = imageVariantOf(key);
    const file = (await files.get(key)) ?? (variant ? await files.get(variant.original) : null);
    if (!file) {
      res.status(404).json({ error: { code: "NOT_FOUND", message: "No such file" } });
      return;
    }
    const etag = `"${createHash("sha256").update(file.bytes).digest("base64url").slice(0, 27)}"`;
    res.set({
      ETag: etag,
      "Content-Type": file.contentType,
      "Content-Length": String(file.size),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
    });
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });
  return routes;
}
