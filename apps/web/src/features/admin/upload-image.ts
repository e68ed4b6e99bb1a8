import { authFetch } from "../auth/session";

/** What `POST /api/admin/uploads` answers (a REST route, so there is no router type to infer it from). */
export interface StoredImage {
  key: string;
  url: string;
}

/**
 * Sends one product image to the API, which checks the admin, the size and the format (JPEG, PNG,
 * WebP) and stores it; the key then goes into the product's `images`.
 */
export async function uploadImage(file: File): Promise<StoredImage> {
  const body = new FormData();
  body.append("file", file);
  const response = await authFetch("/api/admin/uploads", { method: "POST", body });
  const json = (await response.json().catch(() => null)) as (StoredImage & { error?: { message: string } }) | null;
  if (!response.ok || !json) throw new Error(json?.error?.message ?? `The upload failed (HTTP ${response.status}).`);
  return json;
}
