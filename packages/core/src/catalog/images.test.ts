import { describe, expect, it } from "vitest";
import { fallbackImageWidth, imageSrcSet, imageVariantKey, imageVariantOf, productImageWidths, storedImageSizes } from "./images.js";

describe("product image sizes", () => {
  it("names each size after the original's key", () => {
    expect(imageVariantKey("products/abc.webp", 320)).toBe("products/abc-320w.webp");
    expect(imageVariantKey("/uploads/products/abc.webp", fallbackImageWidth, "jpeg")).toBe("/uploads/products/abc-640w.jpg");
  });

  it("finds the original of every size it names, and of nothing else", () => {
    for (const width of productImageWidths) {
      for (const format of ["webp", "jpeg"] as const) {
        expect(imageVariantOf(imageVariantKey("products/tea-1.webp", width, format))).toEqual({ original: "products/tea-1.webp", width, format });
      }
    }
    expect(imageVariantOf("products/tea-1.webp")).toBeNull();
    expect(imageVariantOf("products/tea-333w.webp")).toBeNull();
    expect(imageVariantOf("products/tea-320w.png")).toBeNull();
  });

  it("lists every WebP size in a srcset, smallest first", () => {
    expect(imageSrcSet("/uploads/products/a.webp")).toBe(
      "/uploads/products/a-160w.webp 160w, /uploads/products/a-320w.webp 320w, /uploads/products/a-640w.webp 640w",
    );
  });
});

describe("stored image sizes", () => {
  it("are every width in WebP and one JPEG fallback, each with a distinct key", () => {
    const keys = storedImageSizes.map((size) => imageVariantKey("products/a.webp", size.width, size.format));
    expect(new Set(keys).size).toBe(productImageWidths.length + 1);
    expect(storedImageSizes.filter((size) => size.format === "jpeg")).toEqual([{ width: fallbackImageWidth, format: "jpeg" }]);
  });
});
