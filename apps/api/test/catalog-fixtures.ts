import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { call, type CallOptions } from "./trpc-http.js";

/** A data directory for a whole suite (the shared `useTempDirs` removes its directories after each test). */
export function suiteDir(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-catalog-"));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Calls a procedure that must succeed, and returns its output; a refusal fails the test with its message. */
export async function ok<T>(url: string, procedure: string, input: unknown, options: CallOptions): Promise<T> {
  const result = await call(url, procedure, input, options);
  if (result.error) throw new Error(`${procedure} refused: ${result.error.message}`);
  return result.data as T;
}

export interface AdminProduct {
  id: string;
  slug: string;
  active: boolean;
  images: { key: string; url: string }[];
  variants: { id: string; sku: string; active: boolean; stock: { onHand: number; reserved: number; available: number } }[];
}

/** Creates a product over HTTP as an admin, one variant per entry of `variants`. */
export function createProduct(
  url: string,
  token: string,
  input: { name: string; categoryId: string; description?: string; active?: boolean; images?: string[]; variants: { sku: string; priceMinor: number; stockOnHand?: number; active?: boolean }[] },
) {
  return ok<AdminProduct>(url, "admin.catalog.createProduct", input, { token });
}
