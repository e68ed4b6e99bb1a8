import { authFetch } from "../auth/session";

/**
 * Downloads one of the API's CSV exports (`/api/admin/exports/…`) as the signed-in admin: the
 * route needs the Bearer token, which a plain link cannot carry, so the file is fetched and handed
 * to the browser as a download under the name the API gave it.
 */
export async function downloadCsv(path: string, query: Record<string, string | null>): Promise<void> {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const response = await authFetch(`${path}?${params.toString()}`);
  if (!response.ok) {
    const json = (await response.json().catch(() => null)) as { error?: { message: string } } | null;
    throw new Error(json?.error?.message ?? `The export failed (HTTP ${response.status}).`);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "export.csv";
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
