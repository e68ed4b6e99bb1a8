import { storedImageSizes, type ImageVariantFormat, type ProductImageWidth } from "@bbscart/core";
import sharp from "sharp";

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/** Splits a product name over at most three lines of about `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + word.length + 1 <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.slice(0, 3);
}

/** The drawing's own size; every stored size is drawn from the same picture. */
const size = 640;

export interface ProductImageSet {
  /** The picture at {@link size} pixels, stored under the product's image key. */
  original: Uint8Array;
  /** Every size of core's `storedImageSizes` (named by its `imageVariantKey`). */
  variants: Array<{ width: ProductImageWidth; format: ImageVariantFormat; bytes: Uint8Array }>;
}

/**
 * A product picture drawn locally (the shop must look right with no internet): the category's
 * colour, a soft product silhouette and the product's name, rendered to WebP, and to every size a
 * page asks for in `srcset`.
 */
export async function renderProductImage(input: { name: string; category: string; hue: number }): Promise<ProductImageSet> {
  const lines = wrap(input.name, 16);
  const text = lines
    .map((line, i) => `<tspan x="50%" dy="${i === 0 ? 0 : 58}">${escapeXml(line)}</tspan>`)
    .join("");
  const svg = (pixels: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${pixels}" height="${pixels}" viewBox="0 0 ${size} ${size}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${input.hue} 70% 92%)"/>
      <stop offset="1" stop-color="hsl(${input.hue} 55% 78%)"/>
    </linearGradient>
  </defs>
  <rect width="100%" height="100%" fill="url(#bg)"/>
  <circle cx="320" cy="250" r="150" fill="hsl(${input.hue} 60% 60%)" opacity="0.35"/>
  <rect x="215" y="150" width="210" height="210" rx="36" fill="hsl(${input.hue} 55% 45%)" opacity="0.85"/>
  <text x="50%" y="300" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="96" font-weight="700" fill="#fff">${escapeXml(input.name.split(" ").at(-1)!.charAt(0))}</text>
  <text x="50%" y="${470 - (lines.length - 1) * 29}" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="48" font-weight="700" fill="hsl(${input.hue} 60% 20%)">${text}</text>
  <text x="50%" y="600" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="26" fill="hsl(${input.hue} 40% 30%)">${escapeXml(input.category)}</text>
</svg>`;
  // Drawn once, at the largest size, and scaled down for the others: drawing (text especially) is the slow part.
  const largest = Math.max(size, ...storedImageSizes.map((s) => s.width));
  const drawn = await sharp(Buffer.from(svg(largest))).raw().toBuffer({ resolveWithObject: true });
  const encode = async (pixels: number, format: ImageVariantFormat) => {
    const scaled = sharp(drawn.data, { raw: drawn.info }).resize(pixels, pixels);
    return new Uint8Array(await (format === "webp" ? scaled.webp({ quality: 78 }) : scaled.flatten({ background: "#fff" }).jpeg({ quality: 78 })).toBuffer());
  };
  const variants = await Promise.all(storedImageSizes.map(async ({ width, format }) => ({ width, format, bytes: await encode(width, format) })));
  // The original is the drawing's own size, which is one of the sizes already encoded.
  const original = variants.find((v) => v.width === size && v.format === "webp")?.bytes ?? (await encode(size, "webp"));
  return { original, variants };
}
