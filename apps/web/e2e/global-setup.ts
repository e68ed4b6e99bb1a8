import { execFileSync, fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { chromium, type BrowserServer } from "playwright-core";
import type { TestProject } from "vitest/node";
import { chromiumArgs, locateOrInstallChromium } from "./chromium";
import { testEnv } from "./test-env";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** A second installation on a copy of the seeded store whose sandbox imitates Razorpay (UPI, Checkout's signed answer). */
    razorpayBaseUrl: string;
    /** Where journeys connect to the one shared browser; null when they must be skipped. */
    browserEndpoint: string | null;
    skipReason: string | null;
    /** The journey server's data directory: mail lands in its `mail/` folder as `.eml` files. */
    dataDir: string;
    /** The seeded demo accounts, whose random passwords the seed prints once. */
    demoAdmin: DemoAccount;
    demoShopper: DemoAccount;
  }
}

export interface DemoAccount {
  email: string;
  password: string;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Every key the server and the worker write starts with `<prefix>:` (queues, limits, sandbox intents). */
const redisPrefix = `journeys-${process.pid}`;

/** An installation: its data directory, its key prefix, and what its sandbox imitates. */
interface Installation {
  dataDir: string;
  redisPrefix: string;
  sandboxFlavour: "stripe" | "razorpay";
}

/** What the server, the worker and the seed share: one data directory, one queue prefix, the sandbox provider. */
function journeyEnv({ dataDir, redisPrefix, sandboxFlavour }: Installation): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dataDir,
    REDIS_URL: testEnv.redisUrl,
    REDIS_PREFIX: redisPrefix,
    PAYMENT_PROVIDER: "sandbox",
    SANDBOX_FLAVOUR: sandboxFlavour,
    LOG_LEVEL: "warn",
    // Journeys wait for emails and webhooks: a retry or a relay of a lost enqueue comes in a second,
    // not after production's longer backoffs.
    NOTIFICATION_BACKOFF_MS: "500",
    OUTBOX_RELAY_INTERVAL_MS: "1000",
    PAYMENTS_BACKOFF_MS: "500",
    // Every journey signs the demo accounts in from 127.0.0.1, many times a minute.
    AUTH_CALLS_PER_IP_PER_MINUTE: "1000000",
    AUTH_CALLS_PER_ACCOUNT_PER_MINUTE: "1000000",
  };
}

/**
 * Loads the demo store and accounts into the journey database, and reads the accounts' one-time
 * passwords from the seed's output (`        admin@bbscart.local  <password>`).
 */
function seed(installation: Installation): { demoAdmin: DemoAccount; demoShopper: DemoAccount } {
  const output = execFileSync(process.execPath, [path.join(repoRoot, "apps/api/dist/scripts/seed.js")], { env: journeyEnv(installation), encoding: "utf8" });
  const account = (email: string): DemoAccount => {
    const line = output.split("\n").find((l) => l.trim().startsWith(`${email} `));
    const password = line?.trim().split(/\s+/)[1];
    if (!password) throw new Error(`the seed printed no password for ${email}:\n${output}`);
    return { email, password };
  };
  return { demoAdmin: account("admin@bbscart.local"), demoShopper: account("shopper@bbscart.local") };
}

/** Starts a built entry point (server or worker) and resolves with its "ready" message. */
async function start(entry: string, installation: Installation): Promise<{ child: ChildProcess; ready: { url?: string } }> {
  const child = fork(path.join(repoRoot, entry), [], { env: journeyEnv(installation), stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ready = await new Promise<{ url?: string }>((resolve, reject) => {
    child.once("message", (message: { type?: string; url?: string }) => {
      if (message.type === "ready") resolve(message);
    });
    child.once("exit", (code) => reject(new Error(`${entry} exited with code ${code} before it was ready`)));
  });
  return { child, ready };
}

/** Removes this run's keys, and only them: the Redis is shared, so it is never flushed. */
async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(testEnv.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.unlink(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** The built server and worker of one installation; the URL the server announced. */
async function startInstallation(installation: Installation, children: ChildProcess[]): Promise<string> {
  const server = await start("apps/api/dist/server.js", installation);
  children.push(server.child);
  // The real worker beside the server: webhooks, order expiry and emails are processed as in production.
  const worker = await start("apps/api/dist/worker.js", installation);
  children.push(worker.child);
  if (!server.ready.url) throw new Error("the server announced no URL");
  return server.ready.url;
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bbscart-journeys-"));
  const main: Installation = { dataDir, redisPrefix, sandboxFlavour: "stripe" };
  // A copy of the seeded store rather than a second seed: the same demo accounts, a second less.
  const razorpay: Installation = { dataDir: `${dataDir}-razorpay`, redisPrefix: `${redisPrefix}-razorpay`, sandboxFlavour: "razorpay" };
  const children: ChildProcess[] = [];
  let browser: BrowserServer | undefined;
  // Also run when setup itself fails half-way: whatever started is stopped and its keys go with it.
  const teardown = async () => {
    await browser?.close();
    // The processes stop first, so no key is written after the sweep.
    await Promise.all(children.map(stop));
    for (const installation of [main, razorpay]) {
      fs.rmSync(installation.dataDir, { recursive: true, force: true });
      await deleteRedisKeys(installation.redisPrefix);
    }
  };
  try {
    fs.mkdirSync(path.join(repoRoot, "test-results"), { recursive: true });
    const accounts = seed(main);
    fs.cpSync(main.dataDir, razorpay.dataDir, { recursive: true });
    const [baseUrl, razorpayBaseUrl] = await Promise.all([startInstallation(main, children), startInstallation(razorpay, children)]);
    project.provide("baseUrl", baseUrl);
    project.provide("razorpayBaseUrl", razorpayBaseUrl);
    project.provide("dataDir", dataDir);
    project.provide("demoAdmin", accounts.demoAdmin);
    project.provide("demoShopper", accounts.demoShopper);

    const lookup = locateOrInstallChromium((line) => console.warn(line));
    if ("path" in lookup) {
      browser = await chromium.launchServer({ executablePath: lookup.path, headless: true, args: chromiumArgs });
      project.provide("browserEndpoint", browser.wsEndpoint());
      project.provide("skipReason", null);
    } else {
      console.warn(`\n${"!".repeat(78)}\n!! BROWSER JOURNEYS SKIPPED: ${lookup.skipReason}\n${"!".repeat(78)}\n`);
      project.provide("browserEndpoint", null);
      project.provide("skipReason", lookup.skipReason);
    }
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
