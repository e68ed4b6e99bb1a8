import path from "node:path";
import type { Env } from "../env.js";

/** Where uploads and seeded images live: the API serves them, the seed and the admin write them. */
export const uploadsDir = (env: Pick<Env, "DATA_DIR">) => path.join(env.DATA_DIR, "uploads");
