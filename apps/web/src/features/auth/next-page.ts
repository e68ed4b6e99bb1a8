/** Where to go after signing in: only a path on this site, so a crafted link cannot send the shopper elsewhere. */
export function nextPage(params: URLSearchParams, fallback: string): string {
  const next = params.get("next");
  return next?.startsWith("/") && !next.startsWith("//") ? next : fallback;
}
