/**
 * The `<head>` tags a page is served with: title, description, canonical URL, Open Graph and Twitter
 * card tags, and optionally JSON-LD. Link previews (WhatsApp, social networks) and search engines
 * read these from the first HTML response without running any JavaScript.
 *
 * Everything here comes from shop data an admin typed (product names, descriptions), so every value
 * is escaped for where it lands: attribute and text values as HTML, JSON-LD so that nothing inside
 * it can close the `<script>` element.
 */
export interface PageHead {
  readonly title: string;
  readonly description: string;
  /** Absolute URL. */
  readonly canonical: string;
  readonly type: "website" | "product";
  /** Absolute URL of the preview image. */
  readonly image?: string | undefined;
  /** What the preview image shows, for people who cannot see it (`og:image:alt`). */
  readonly imageAlt?: string | undefined;
  readonly siteName: string;
  /** A schema.org document (e.g. a Product with its Offers). */
  readonly jsonLd?: Record<string, unknown> | undefined;
  /** Pages that should not be indexed (not found, empty search). */
  readonly noindex?: boolean;
}

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for an HTML text node or a quoted attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => htmlEscapes[c]!);

/**
 * JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&` become `\u` escapes (still
 * the same JSON), so a value holding `</script>` or `<!--` cannot end or confuse the element; the
 * line separators U+2028/2029 too, for any consumer that parses it as JavaScript.
 */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** Shortens to `max` characters on a word boundary, for descriptions that previews cut anyway. */
export function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function renderHead(head: PageHead): string {
  const meta = (attr: "name" | "property", key: string, value: string) => `<meta ${attr}="${key}" content="${escapeHtml(value)}" />`;
  const tags = [
    `<title>${escapeHtml(head.title)}</title>`,
    meta("name", "description", head.description),
    `<link rel="canonical" href="${escapeHtml(head.canonical)}" />`,
    meta("property", "og:type", head.type),
    meta("property", "og:site_name", head.siteName),
    meta("property", "og:title", head.title),
    meta("property", "og:description", head.description),
    meta("property", "og:url", head.canonical),
    meta("name", "twitter:card", head.image ? "summary_large_image" : "summary"),
    meta("name", "twitter:title", head.title),
    meta("name", "twitter:description", head.description),
  ];
  if (head.image) tags.push(meta("property", "og:image", head.image), meta("name", "twitter:image", head.image));
  if (head.image && head.imageAlt) tags.push(meta("property", "og:image:alt", head.imageAlt), meta("name", "twitter:image:alt", head.imageAlt));
  if (head.noindex) tags.push(meta("name", "robots", "noindex"));
  if (head.jsonLd) tags.push(`<script type="application/ld+json">${scriptJson(head.jsonLd)}</script>`);
  return tags.join("\n    ");
}

/** Where index.html marks the tags the server replaces (the built file keeps HTML comments). */
const headMarkers = /<!--page-head-->[\s\S]*?<!--\/page-head-->/;

/** The app's index.html with its default head tags replaced by `head`; unchanged if it has no markers. */
export function withHead(template: string, head: PageHead): string {
  return template.replace(headMarkers, () => renderHead(head));
}
