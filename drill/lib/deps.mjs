/**
 * Packages the drill uses, resolved from the workspaces that already depend on them (the API:
 * smtp-server, stripe, ioredis; the database package: better-sqlite3), so the drill adds no
 * dependency of its own and runs the very copies the API runs.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { repoRoot } from "../../bench/lib/paths.mjs";

export const requireFromApi = createRequire(path.join(repoRoot, "apps/api/package.json"));
export const requireFromDb = createRequire(path.join(repoRoot, "packages/db/package.json"));
