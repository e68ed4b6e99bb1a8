import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageVariantKey, storedImageSizes, type DatabaseHandle } from "@bbscart/core";
import { LocalFileStorage } from "../files/local-file-storage.js";
import { openDatabase } from "../index.js";
import { seedDemoStore } from "./seed.js";

describe("seedDemoStore on the embedded database", () => {
  let dir: string;
  let db: DatabaseHandle;
  let files: LocalFileStorage;
  const now = new Date("2026-11-25T00:00:00Z");

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-seed-"));
    db = await openDatabase({ dataDir: dir, sqliteSynchronous: "NORMAL" });
    files = new LocalFileStorage(path.join(dir, "uploads"));
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("loads settings, categories, products with WebP images, and coupons, then adds nothing on a second run", async () => {
    const lines: string[] = [];
    const first = await seedDemoStore({ db, files, now, onProgress: (line) => lines.push(line) });
    expect(first.settings).toBe(true);
    expect(first.categories).toBeGreaterThanOrEqual(8);
    expect(first.products).toBeGreaterThanOrEqual(200);
    expect(first.coupons).toBe(4);
    expect(lines.at(-1)).toBe(`seed: products ${first.products}/${first.products}`);

    const tea = await db.repos.products.findBySlug("premium-darjeeling-tea");
    expect(tea?.variants.length).toBe(2);
    const image = await files.get(tea!.images[0]!);
    expect(image?.contentType).toBe("image/webp");
    expect((await sharp(image!.bytes).metadata()).format).toBe("webp");
    // Every size a page lists in srcset, and the JPEG fallback, exist beside it at their widths.
    for (const size of storedImageSizes) {
      const stored = await files.get(imageVariantKey(tea!.images[0]!, size.width, size.format));
      expect(stored?.contentType).toBe(`image/${size.format}`);
      expect(await sharp(stored!.bytes).metadata()).toMatchObject({ format: size.format, width: size.width, height: size.width });
    }
    expect(await db.repos.coupons.findByCode("WELCOME10")).not.toBeNull();
    expect((await db.repos.settings.get())?.currency).toBe("INR");

    const second = await seedDemoStore({ db, files, now });
    expect(second).toEqual({ settings: false, categories: 0, products: 0, coupons: 0 });
  }, 120_000);
});
