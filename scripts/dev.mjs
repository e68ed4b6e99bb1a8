// `npm run dev`: the API and worker from source with reload (tsx watch), the packages they use
// rebuilt on change (tsc --watch), and Vite with HMR proxying API paths to the API.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const apiPort = process.env.PORT || "3000";
const env = { ...process.env, NODE_ENV: "development", PORT: apiPort, API_PORT: apiPort };

const run = (name, command, args, cwd) => {
  const child = spawn(command, args, { cwd: path.join(root, cwd), env, stdio: ["ignore", "inherit", "inherit"] });
  child.on("exit", (code) => {
    if (!shuttingDown) {
      console.error(`[dev] ${name} exited with code ${code}; stopping.`);
      stop(code ?? 1);
    }
  });
  return child;
};

let shuttingDown = false;
const children = [];
const stop = (code) => {
  shuttingDown = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
};
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

// Packages must exist before the API imports them; afterwards tsc keeps them fresh.
const initial = spawn(bin("turbo"), ["run", "build", "--filter=@bbscart/api^...", "--output-logs=errors-only"], {
  cwd: root,
  env,
  stdio: "inherit",
});
initial.on("exit", (code) => {
  if (code !== 0) process.exit(code ?? 1);
  for (const pkg of ["packages/core", "packages/db"]) {
    children.push(run(`tsc ${pkg}`, bin("tsc"), ["-p", "tsconfig.build.json", "--watch", "--preserveWatchOutput"], pkg));
  }
  children.push(run("api", bin("tsx"), ["watch", "--clear-screen=false", "src/server.ts"], "apps/api"));
  children.push(run("worker", bin("tsx"), ["watch", "--clear-screen=false", "src/worker.ts"], "apps/api"));
  children.push(run("web", bin("vite"), [], "apps/web"));
  console.log(`\n  BBSCART dev: http://localhost:${process.env.WEB_PORT || 5173} (Vite, HMR) → API on :${apiPort}\n`);
});
