import { authFetch } from "./session";

/**
 * Downloads a file the API serves only to the signed-in caller (CSV exports, invoices): the route
 * needs the Bearer token, which a plain link cannot carry, so the file is fetched and handed to the
 * browser as a download under the name the API gave it. Refusals reject with the API's own words,
 * from either error shape it answers with (the plain routes' `error.message`, REST's problem `detail`).
 */
export async function downloadWithSession(url: string, fallbackName: string): Promise<void> {
  const response = await authFetch(url);
  if (!response.ok) {
    const json = (await response.json().catch(() => null)) as { error?: { message: string }; detail?: string } | null;
    throw new Error(json?.error?.message ?? json?.detail ?? `The download failed (HTTP ${response.status}).`);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement("a"), { href: objectUrl, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(objectUrl);
}
