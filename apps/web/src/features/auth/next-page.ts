/** The pages that lead to signing in: coming back to one of them after signing in would go round in a circle. */
const AUTH_PAGES = ["/sign-in", "/register", "/forgot-password", "/reset-password"];

/** A backslash (browsers read `/\host` as `//host`) or a control character (stripped by URL parsing, so `/\t/host` is `//host`). */
const unsafe = (char: string) => char === "\\" || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f;

/**
 * Where to go after signing in or signing up: the page the shopper came from (the cart, checkout),
 * given as `next`. Only a path on this site is taken — not an absolute URL, a protocol-relative
 * `//host`, a `/\host` that browsers read the same way, or anything with control characters —
 * so a crafted link cannot send the shopper elsewhere.
 */
export function nextPage(params: URLSearchParams, fallback: string): string {
  const next = params.get("next");
  if (!next?.startsWith("/") || next.startsWith("//") || [...next].some(unsafe)) return fallback;
  const path = next.split(/[?#]/, 1)[0]!;
  return AUTH_PAGES.includes(path) ? fallback : next;
}

/** A link to an auth page that brings the shopper back to `here` (path and query) afterwards. */
export function withNext(page: string, here: string): string {
  const path = here.split(/[?#]/, 1)[0]!;
  return AUTH_PAGES.includes(path) || path === "/" ? page : `${page}?next=${encodeURIComponent(here)}`;
}
