import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./harness.js";
import { OwnRedis } from "./own-redis.js";
import { call } from "./trpc-http.js";
import { useTempDirs } from "./temp-dir.js";
import { testEnv } from "./test-env.js";

const tempDir = useTempDirs();
const running: RunningApp[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});
async function start(options: { redisUrl?: string; webDistDir?: string } = {}) {
  const app = await startApp({ dataDir: tempDir(), redisUrl: options.redisUrl ?? testEnv.redisUrl, ...(options.webDistDir ? { variables: { NODE_ENV: "production", WEB_DIST_DIR: options.webDistDir } } : {}) });
  running.push(app);
  return app;
}

describe("health and readiness", () => {
  it("reports the process up and ready when the database and Redis answer", async () => {
    const { url } = await start();
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });

    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { database: { ok: true }, redis: { ok: true } } });
  });

  it("turns unready when Redis stops while running, and ready again when it is back", async () => {
    const redis = await OwnRedis.start();
    const app = await startApp({ dataDir: tempDir(), redisUrl: redis.url });
    const { url } = app;
    try {
      expect((await fetch(`${url}/readyz`)).status).toBe(200);

      await redis.stop();
      const down = await fetch(`${url}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({
        status: "unavailable",
        checks: { database: { ok: true }, redis: { ok: false, error: expect.any(String) as string } },
      });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

      await redis.resume();
      await expect.poll(async () => (await fetch(`${url}/readyz`)).status, { timeout: 5_000, interval: 100 }).toBe(200);
    } finally {
      await app.close();
      await redis.stop();
    }
  });
});

describe("writes while Redis is down", () => {
  it("keeps answering writes, counting the per-address budget in memory until Redis is back", async () => {
    const redis = await OwnRedis.start();
    const app = await startApp({ dataDir: tempDir(), redisUrl: redis.url, variables: { MUTATIONS_PER_IP_PER_MINUTE: "3" } });
    try {
      await redis.stop();
      const add = () => call(app.url, "cart.add", { variantId: "no-such-variant", quantity: 1 });
      const answers = [await add(), await add(), await add(), await add()];
      // The first three reach the procedure (which refuses the unknown variant); the fourth is over budget.
      expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 429]);
      expect(answers[3]!.headers.get("retry-after")).toMatch(/^\d+$/);
    } finally {
      // Closing drains the queues, which needs Redis back.
      await redis.resume();
      await app.close();
      await redis.stop();
    }
  });
});

describe("request ids and security headers", () => {
  it("echoes a well-formed x-request-id and mints one otherwise", async () => {
    const { url } = await start();
    const kept = await fetch(`${url}/healthz`, { headers: { "x-request-id": "lb-1234.abc" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-1234.abc");

    const replaced = await fetch(`${url}/healthz`, { headers: { "x-request-id": "bad id with spaces" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const minted = await fetch(`${url}/healthz`);
    expect(minted.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(minted.headers.get("x-request-id")).not.toBe(replaced.headers.get("x-request-id"));
  });

  it("sends helmet's headers and no x-powered-by", async () => {
    const { url } = await start();
    const response = await fetch(`${url}/healthz`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("answers unknown paths with a JSON 404", async () => {
    const { url } = await start();
    const response = await fetch(`${url}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "No route for GET /nope" } });
  });
});

describe("system.info over tRPC", () => {
  it("returns the name, version, active engine and payment provider", async () => {
    const { url } = await start();
    const result = await call(url, "system.info");
    expect(result.status).toBe(200);
    expect(result.data).toEqual({
      name: "BBSCART",
      version: "0.0.0-test",
      engine: "sqlite",
      paymentProvider: "sandbox",
      paymentCheckout: { wireFormat: "stripe", publicKey: null },
    });
  });

  it("answers an unknown procedure with a tRPC NOT_FOUND and no stack trace", async () => {
    const { url } = await start();
    const response = await fetch(`${url}/trpc/system.nope`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { json: { data: Record<string, unknown> } } };
    expect(body.error.json.data.code).toBe("NOT_FOUND");
    expect(body.error.json.data).not.toHaveProperty("stack");
  });
});

describe("serving the built web app", () => {
  function fakeDist() {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "assets"));
    fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>shop</title>");
    fs.writeFileSync(path.join(dir, "assets", "app-abc123.js"), "console.log(1)");
    return dir;
  }

  it("serves index.html for client-side routes, uncached, and hashed assets cached for a year", async () => {
    const { url } = await start({ webDistDir: fakeDist() });
    for (const route of ["/", "/products/tea", "/admin/orders"]) {
      const page = await fetch(`${url}${route}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<title>shop</title>");
      expect(page.headers.get("cache-control")).toBe("no-cache");
    }
    const asset = await fetch(`${url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await fetch(`${url}/assets/missing.js`)).status).toBe(404);
  });

  it("never answers API paths with the app's HTML", async () => {
    const { url } = await start({ webDistDir: fakeDist() });
    for (const route of ["/trpc/nope", "/api/v1/nope", "/auth/nope"]) {
      const response = await fetch(`${url}${route}`);
      expect(response.status).toBeGreaterThanOrEqual(400);
      // /api/v1 answers with problem+json, the rest with plain JSON errors.
      expect(response.headers.get("content-type")).toMatch(/^application\/(problem\+)?json/);
    }
  });
});

describe("serving uploads", () => {
  it("serves a stored file as inert content with long caching, and 404s unknown or hostile keys", async () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, "uploads", "products"), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "uploads", "products", "tea.webp"), Buffer.from("RIFFxxxxWEBP"));
    fs.writeFileSync(path.join(dataDir, "secrets.json"), "{}");
    const app = await startApp({ dataDir, redisUrl: testEnv.redisUrl });
    running.push(app);

    const image = await fetch(`${app.url}/uploads/products/tea.webp`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/webp");
    expect(image.headers.get("x-content-type-options")).toBe("nosniff");
    expect(image.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(image.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await image.arrayBuffer()).toString()).toBe("RIFFxxxxWEBP");

    for (const probe of ["/uploads/products/missing.webp", "/uploads/..%2Fsecrets.json", "/uploads/%2E%2E/secrets.json"]) {
      expect((await fetch(`${app.url}${probe}`)).status).toBe(404);
    }
  });
});

describe("cross-origin requests and failures", () => {
  it("grants CORS only to the shop's own web origin", async () => {
    const app = await start();
    const own = await fetch(`${app.url}/trpc/system.info`, { headers: { origin: new URL(app.url).origin } });
    expect(own.headers.get("access-control-allow-origin")).toBe(new URL(app.url).origin);
    const foreign = await fetch(`${app.url}/trpc/system.info`, { headers: { origin: "https://evil.example" } });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers an unexpected failure with a generic 500 carrying the request id, never the error itself", async () => {
    const app = await start();
    await app.db.close();
    const result = await call(app.url, "auth.login", { email: "a@example.test", password: "whatever it is" }, { headers: { "x-request-id": "req-500" } });
    expect(result.status).toBe(500);
    expect(result.error?.message).toBe("Something went wrong");
    expect(result.error?.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", requestId: "req-500" });
    expect(JSON.stringify(result.error)).not.toMatch(/database|sqlite|stack/i);
  });
});
