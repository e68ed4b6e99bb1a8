import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserServer } from "playwright-core";
import type { TestProject } from "vitest/node";
import { chromiumArgs, locateOrInstallChromium } from "./chromium";
import { testEnv } from "./test-env";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where journeys connect to the one shared browser; null when they must be skipped. */
    browserEndpoint: string | null;
    skipReason: string | null;
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Starts the built production server (API serving the web app) on a free port; resolves with its URL. */
async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(path.join(repoRoot, "apps/api/dist/server.js"), [], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      DATA_DIR: dataDir,
      REDIS_URL: testEnv.redisUrl,
      REDIS_PREFIX: `journeys-${process.pid}`,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (message: { type?: string; url?: string }) => {
      if (message.type === "ready" && message.url) resolve(message.url);
    });
    child.once("exit", (code) => reject(new Error(`the server exited with code ${code} before it was ready`)));
  });
  return { child, url };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-journeys-"));
  fs.mkdirSync(path.join(repoRoot, "test-results"), { recursive: true });
  const { child, url } = await startServer(dataDir);
  project.provide("baseUrl", url);

  const lookup = locateOrInstallChromium((line) => console.warn(line));
  let browser: BrowserServer | undefined;
  if ("path" in lookup) {
    browser = await chromium.launchServer({ executablePath: lookup.path, headless: true, args: chromiumArgs });
    project.provide("browserEndpoint", browser.wsEndpoint());
    project.provide("skipReason", null);
  } else {
    console.warn(`\n${"!".repeat(78)}\n!! BROWSER JOURNEYS SKIPPED: ${lookup.skipReason}\n${"!".repeat(78)}\n`);
    project.provide("browserEndpoint", null);
    project.provide("skipReason", lookup.skipReason);
  }

  return async () => {
    await browser?.close();
    await stopServer(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
