import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: this file is `bench/lib/paths.mjs`. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const apiServer = path.join(repoRoot, "apps/api/dist/server.js");
export const apiSeed = path.join(repoRoot, "apps/api/dist/scripts/seed.js");
