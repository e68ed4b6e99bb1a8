/**
 * One REST call with plain fetch, for the status-and-header cases a typed client hides. JSON
 * answers come back parsed; a file (`application/pdf`) as its bytes.
 */
export async function rest(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const raw = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (raw !== undefined) headers["content-type"] ??= "application/json";
  const response = await fetch(`${baseUrl}/api/v1${path}`, { method, headers, ...(raw === undefined ? {} : { body: raw }) });
  if (response.headers.get("content-type") === "application/pdf") return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}
