/**
 * Origins whose pages may use the refresh cookie and CORS: `WEB_ORIGIN`, else the shop's own public
 * origin. A shop on the loopback interface is reachable as both `localhost` and `127.0.0.1`, and a
 * browser sends whichever the person typed, so both are accepted there.
 */
export function allowedOrigins(webOrigin: string | undefined, publicUrl: string): string[] {
  const origin = new URL(webOrigin ?? publicUrl);
  const loopback = ["localhost", "127.0.0.1", "[::1]"];
  if (!loopback.includes(origin.hostname)) return [origin.origin];
  return loopback.map((host) => `${origin.protocol}//${host}${origin.port ? `:${origin.port}` : ""}`);
}
