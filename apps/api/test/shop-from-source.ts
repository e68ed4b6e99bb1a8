/**
 * `npm start`'s launcher (scripts/launch.mjs `runShop`) running the API and worker from source
 * through tsx, for process tests that signal the whole shop as a terminal would. Prints one line,
 * "running", once both serve.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
// @ts-expect-error -- a plain JavaScript module without types, shared with scripts/start.mjs
import { runShop } from "../../../scripts/launch.mjs";

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
await (runShop as (shop: { api: string; worker: string; env: NodeJS.ProcessEnv; execArgv: string[] }) => Promise<unknown>)({
  api: path.join(apiDir, "src/server.ts"),
  worker: path.join(apiDir, "src/worker.ts"),
  env: process.env,
  execArgv: ["--import", "tsx"],
});
process.stdout.write("running\n");
