import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import { testEnv } from "./test-env";

/** Flags for Chromium on a machine with a closed network (see STACK.md). */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function onPath(command: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : undefined;
}

function findChromium(): string | undefined {
  if (testEnv.chromiumPath) {
    if (!fs.existsSync(testEnv.chromiumPath)) throw new Error(`CHROMIUM_PATH=${testEnv.chromiumPath} does not exist`);
    return testEnv.chromiumPath;
  }
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return onPath("chromium") ?? onPath("chromium-browser") ?? onPath("google-chrome");
}

export type ChromiumLookup = { path: string } | { skipReason: string };

/**
 * Finds a browser for the journeys. Where there is none and we may install one (root, apt), installs
 * Debian's chromium; otherwise returns why the journeys must be skipped.
 */
export function locateOrInstallChromium(log: (line: string) => void): ChromiumLookup {
  const existing = findChromium();
  if (existing) return { path: existing };
  const isRoot = process.getuid?.() === 0;
  if (isRoot && onPath("apt-get")) {
    log("No Chromium found: installing Debian's chromium with apt-get (about a minute)…");
    execFileSync("apt-get", ["update"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    const installed = findChromium();
    if (installed) return { path: installed };
  }
  return {
    skipReason:
      "No Chromium browser found, and it cannot be installed from here. Install one " +
      '("sudo apt-get install chromium" on Debian/Ubuntu) or set CHROMIUM_PATH, then run the tests again.',
  };
}
