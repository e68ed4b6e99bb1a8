import { downloadWithSession } from "../auth/download";

/** Downloads one of the API's CSV exports (`/api/admin/exports/…`) with these filters, empty ones left out. */
export async function downloadCsv(path: string, query: Record<string, string | null>): Promise<void> {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  await downloadWithSession(`${path}?${params.toString()}`, "export.csv");
}
