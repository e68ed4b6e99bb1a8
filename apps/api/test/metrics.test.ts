import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allQueueNames } from "../src/jobs/queues.js";
import { suiteDir } from "./catalog-fixtures.js";
import { addProduct } from "./checkout-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { freePort, OwnRedis } from "./own-redis.js";
import { useLaunch } from "./launch.js";
import { useTempDirs } from "./temp-dir.js";
import { testEnv } from "./test-env.js";
import { call } from "./trpc-http.js";

const launch = useLaunch(useTempDirs());
const TOKEN = "scrape-token-for-tests-0123456789";
const enabled = { METRICS_ENABLED: "true", METRICS_TOKEN: TOKEN, MUTATIONS_PER_IP_PER_MINUTE: "100000" };

const scrape = (url: string, token: string | null = TOKEN) => fetch(`${url}/metrics`, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });

/** One sample: `name{label="value",…} number`, as the text format has it. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * A strict reading of the Prometheus text format (0.0.4): every line is empty, a `# HELP`, a `# TYPE`
 * naming a known type, or a sample with a valid name, well-quoted labels and a number; every
 * sample belongs to a family declared by `# TYPE` before it. Throws on the first line that is not.
 * prom-client writes a missing value as `Nan`, which Prometheus reads like `NaN` (Go's ParseFloat).
 */
function parseExposition(text: string): Sample[] {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  const name = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  const label = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
  const sampleLine = new RegExp(`^(${name})(?:\\{((?:${label})(?:,${label})*)?,?\\})? (-?[0-9.e+-]+|[Nn]a[Nn]|[+-]Inf)(?: -?[0-9]+)?$`);
  expect(text.endsWith("\n")).toBe(true);
  for (const line of text.slice(0, -1).split("\n")) {
    // The format ignores empty lines (prom-client puts one between families).
    if (line === "") continue;
    if (line.startsWith("# HELP ")) {
      expect(line).toMatch(new RegExp(`^# HELP ${name} .*$`));
      continue;
    }
    if (line.startsWith("# TYPE ")) {
      const [, family, type] = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line) ?? [];
      if (!family || !type) throw new Error(`not a TYPE line: ${line}`);
      types.set(family, type);
      continue;
    }
    const match = sampleLine.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const sampleName = match[1]!;
    const family = [...types.keys()].find((f) => sampleName === f || (/^(histogram|summary)$/.test(types.get(f)!) && /^_(bucket|sum|count)$/.test(sampleName.slice(f.length)) && sampleName.startsWith(f)));
    if (!family) throw new Error(`sample of an undeclared family: ${line}`);
    const labels = Object.fromEntries([...(match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
    samples.push({ name: sampleName, labels, value: Number(match[3]) });
  }
  return samples;
}

const find = (samples: Sample[], name: string, labels: Record<string, string>) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

describe("/metrics", () => {
  const data = suiteDir();

  it("is not there unless enabled: 404", async () => {
    const app = await startApp({ dataDir: `${data.dir}/off` });
    try {
      const answer = await scrape(app.url);
      expect(answer.status).toBe(404);
      expect(await answer.text()).not.toContain("bbscart_");
    } finally {
      await app.close();
    }
  });

  describe("when enabled", () => {
    let app: RunningApp;
    let redis: Redis;

    beforeAll(async () => {
      app = await startApp({ dataDir: `${data.dir}/on`, variables: enabled });
      redis = new Redis(testEnv.redisUrl, { lazyConnect: true });
      await redis.connect();
    });
    afterAll(async () => {
      redis.disconnect();
      await app.close();
      data.remove();
    });

    it("refuses a scrape without the token, or with a wrong one: 401 asking for a bearer token", async () => {
      for (const answer of [await scrape(app.url, null), await scrape(app.url, "not-the-token"), await scrape(app.url, `${TOKEN}x`)]) {
        expect(answer.status).toBe(401);
        expect(answer.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
        expect(await answer.text()).not.toContain("bbscart_");
      }
    });

    it("answers Prometheus text: request histograms by route template, never by raw path or id", async () => {
      const product = await addProduct(app, { stock: 3 });
      expect((await fetch(`${app.url}/api/v1/products/${product.slug}`)).status).toBe(200);
      expect((await fetch(`${app.url}/api/v1/products/no-such-${product.id}`)).status).toBe(404);
      expect((await call(app.url, "catalog.list", {})).status).toBe(200);
      await fetch(`${app.url}/trpc/not.a.procedure-${product.id}`);
      await fetch(`${app.url}/some/page/${product.id}`);

      const answer = await scrape(app.url);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await answer.text();
      const samples = parseExposition(text);
      const requests = (route: string, statusClass: string) =>
        find(samples, "bbscart_http_request_duration_seconds_count", { method: "GET", route, status_class: statusClass })[0]?.value;
      expect(requests("/api/v1/products/{slug}", "2xx")).toBe(1);
      expect(requests("/api/v1/products/{slug}", "4xx")).toBe(1);
      expect(requests("/trpc/catalog.list", "2xx")).toBe(1);
      expect(requests("/trpc/{unknown}", "4xx")).toBe(1);
      expect(requests("{other}", "4xx")).toBe(1);
      expect(text).not.toContain(product.id);
      expect(text).not.toContain(product.slug);
      // Histograms come with their buckets; Node's own process metrics are there too.
      expect(find(samples, "bbscart_http_request_duration_seconds_bucket", { route: "/trpc/catalog.list", le: "+Inf" })[0]?.value).toBe(1);
      expect(find(samples, "process_cpu_user_seconds_total", {})).toHaveLength(1);
      expect(find(samples, "nodejs_eventloop_lag_seconds", {})).toHaveLength(1);
    });

    it("times the database's units of work by outcome", async () => {
      const before = parseExposition(await (await scrape(app.url)).text());
      const committed = (samples: Sample[]) => find(samples, "bbscart_db_unit_of_work_duration_seconds_count", { engine: "sqlite", outcome: "committed" })[0]?.value ?? 0;
      await addProduct(app, { stock: 1 });
      await expect(app.db.uow.run(() => Promise.reject(new Error("refused")))).rejects.toThrow();
      const after = parseExposition(await (await scrape(app.url)).text());
      expect(committed(after) - committed(before)).toBe(1);
      expect(find(after, "bbscart_db_unit_of_work_duration_seconds_count", { engine: "sqlite", outcome: "rolled_back" })[0]?.value).toBeGreaterThanOrEqual(1);
    });

    it("shows each queue's depth and failed count as Redis holds them at scrape time", async () => {
      const name = allQueueNames[0]!;
      const queue = new Queue(name, { connection: redis, prefix: app.env.REDIS_PREFIX });
      const depth = (samples: Sample[], state: string) => find(samples, "bbscart_queue_jobs", { queue: name, state })[0]?.value;
      const before = parseExposition(await (await scrape(app.url)).text());
      expect(find(before, "bbscart_queue_redis_up", {})[0]?.value).toBe(1);
      expect(allQueueNames.every((name) => find(before, "bbscart_queue_jobs", { queue: name, state: "failed" }).length === 1)).toBe(true);
      await queue.add("metrics-probe", { probe: true });
      const after = parseExposition(await (await scrape(app.url)).text());
      expect(depth(after, "waiting")).toBe((depth(before, "waiting") ?? 0) + 1);
      await queue.obliterate({ force: true });
      await queue.close();
    });
  });

  it("still answers 200 while Redis is down, saying so instead of showing queue depths", async () => {
    const own = await OwnRedis.start();
    const app = await startApp({ dataDir: `${data.dir}/redis-down`, redisUrl: own.url, variables: { ...enabled, READINESS_TIMEOUT_MS: "300" } });
    try {
      await own.stop();
      const answer = await scrape(app.url);
      expect(answer.status).toBe(200);
      const samples = parseExposition(await answer.text());
      expect(find(samples, "bbscart_queue_redis_up", {})[0]?.value).toBe(0);
      expect(find(samples, "bbscart_queue_jobs", {})).toEqual([]);
    } finally {
      await own.resume();
      await app.close();
      await own.stop();
    }
  });

  it("is served by the worker process on METRICS_PORT with the same token (it has no other HTTP server)", async () => {
    const port = await freePort();
    const prefix = `test-${process.pid}-worker-metrics-${Date.now()}`;
    const run = launch("worker", { ...enabled, METRICS_PORT: String(port), REDIS_PREFIX: prefix });
    await run.ready;
    const url = `http://127.0.0.1:${port}`;
    expect((await scrape(url, null)).status).toBe(401);
    expect((await fetch(`${url}/other`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    const answer = await scrape(url);
    expect(answer.status).toBe(200);
    const samples = parseExposition(await answer.text());
    expect(find(samples, "bbscart_queue_redis_up", {})[0]?.value).toBe(1);
    expect(find(samples, "bbscart_queue_jobs", { state: "failed" })).toHaveLength(allQueueNames.length);
    expect(find(samples, "process_cpu_user_seconds_total", {})).toHaveLength(1);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  });
});
