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

/**
 * A product picture drawn locally (the shop must look right with no internet): the category's
 * colour, a soft product silhouette and the product's name, rendered to WebP.
 */
export async function renderProductImage(input: { name: string; category: string; hue: number }): Promise<Uint8Array> {
  const size = 640;
  const lines = wrap(input.name, 16);
  const text = lines
    .map((line, i) => `<tspan x="50%" dy="${i === 0 ? 0 : 58}">${escapeXml(line)}</tspan>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
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
  return new Uint8Array(await sharp(Buffer.from(svg)).webp({ quality: 78 }).toBuffer());
}
