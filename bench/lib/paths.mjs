import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: this file is `bench/lib/paths.mjs`. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The checkout whose built API the bench serves and seeds with: this one unless `--api-root` says otherwise. */
export let apiRoot = repoRoot;
export let apiServer = path.join(repoRoot, "apps/api/dist/server.js");
export let apiSeed = path.join(repoRoot, "apps/api/dist/scripts/seed.js");

/**
 * Serves and seeds the bench's stores with another checkout's built API (`--api-root DIR`), to
 * measure before and after a change with the same bench code; DIR must have been built.
 * @param {string} root
 */
export function useApiRoot(root) {
  apiRoot = root;
  apiServer = path.join(root, "apps/api/dist/server.js");
  apiSeed = path.join(root, "apps/api/dist/scripts/seed.js");
}
