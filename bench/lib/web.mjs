/**
 * The `web` target: the built shop in headless Chromium as a phone on a slow network sees it.
 *
 * Profile (stated in every report): 360×740 viewport at DPR 2, mobile, network throttled through the
 * DevTools protocol to 400 ms round trip and 400 kbit/s each way, CPU slowed 4×, a fresh browser
 * context per run (cold HTTP cache, no cookies). Each page is loaded `runs` times; medians are
 * reported. Paint figures come from the page's own PerformanceObserver entries (FCP, LCP, CLS, long
 * tasks → TBT = Σ(duration − 50 ms) of long tasks after FCP); bytes are what crossed the wire
 * (`encodedDataLength`: compressed body plus headers), by resource type.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { median } from "./report.mjs";
import { repoRoot } from "./paths.mjs";

export const WEB_PROFILE = { rttMs: 400, downKbps: 400, upKbps: 400, cpuSlowdown: 4, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 };
export const WEB_GOALS = { jsKb: 120, lcpMs: 2500, cls: 0.05 };

/** Chromium's flags for this machine (see STACK.md). */
const chromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Collects paint entries from the first byte of every document; runs before any page script. */
const observerScript = `(() => {
  const perf = (window.__benchPerf = { fcp: null, lcp: null, cls: 0, longTasks: [] });
  const watch = (type, fn) => { try { new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch {} };
  watch("paint", (e) => { if (e.name === "first-contentful-paint") perf.fcp = e.startTime; });
  watch("largest-contentful-paint", (e) => { perf.lcp = e.startTime; });
  watch("layout-shift", (e) => { if (!e.hadRecentInput) perf.cls += e.value; });
  watch("longtask", (e) => { perf.longTasks.push([e.startTime, e.duration]); });
})();`;

const byType = { Script: "js", Stylesheet: "css", Image: "images", Document: "html", Font: "fonts", Fetch: "api", XHR: "api" };

/**
 * One cold load of `url`.
 * @param {any} browser playwright-core Browser
 * @param {string} url
 */
async function loadOnce(browser, url) {
  const context = await browser.newContext({
    viewport: WEB_PROFILE.viewport,
    deviceScaleFactor: WEB_PROFILE.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
    userAgent: "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36",
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(observerScript);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: WEB_PROFILE.rttMs,
      downloadThroughput: (WEB_PROFILE.downKbps * 1000) / 8,
      uploadThroughput: (WEB_PROFILE.upKbps * 1000) / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: WEB_PROFILE.cpuSlowdown });
    /** @type {Map<string, string>} */
    const types = new Map();
    const bytes = { js: 0, css: 0, images: 0, html: 0, fonts: 0, api: 0, other: 0 };
    cdp.on("Network.responseReceived", (/** @type {{ requestId: string; type: string }} */ event) => types.set(event.requestId, event.type));
    cdp.on("Network.loadingFinished", (/** @type {{ requestId: string; encodedDataLength: number }} */ event) => {
      const kind = /** @type {keyof typeof bytes} */ (/** @type {Record<string, string>} */ (byType)[types.get(event.requestId) ?? ""] ?? "other");
      bytes[kind] += event.encodedDataLength;
    });
    await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    await page.waitForLoadState("networkidle", { timeout: 120_000 });
    // LCP and layout shifts can still land after the last request: give them a moment.
    await page.waitForTimeout(1000);
    /** @type {{ fcp: number | null; lcp: number | null; cls: number; longTasks: [number, number][] }} */
    const perf = await page.evaluate("window.__benchPerf");
    const fcp = perf.fcp ?? NaN;
    const tbt = perf.longTasks.filter(([start]) => start >= fcp).reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
    return { bytes, fcpMs: fcp, lcpMs: perf.lcp ?? NaN, cls: perf.cls, tbtMs: tbt };
  } finally {
    await context.close();
  }
}

/**
 * Loads each page `runs` times (pages interleaved, so a burst of load on the machine spreads over
 * all of them) and returns the medians with PASS/FAIL against {@link WEB_GOALS}.
 * @param {{ baseUrl: string; pages: Array<{ name: string; path: string }>; runs: number; log: (line: string) => void }} options
 */
export async function benchWeb({ baseUrl, pages, runs, log }) {
  const { chromium } = createRequire(path.join(repoRoot, "apps/web/package.json"))("playwright-core");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs });
  /** @type {Record<string, Array<Awaited<ReturnType<typeof loadOnce>>>>} */
  const samples = Object.fromEntries(pages.map((p) => [p.name, []]));
  try {
    for (let run = 0; run < runs; run++) {
      for (const page of pages) {
        const sample = await loadOnce(browser, baseUrl + page.path);
        samples[page.name]?.push(sample);
        log(`  web ${page.name} run ${run + 1}/${runs}: JS ${(sample.bytes.js / 1024).toFixed(1)} KB, FCP ${Math.round(sample.fcpMs)} ms, LCP ${Math.round(sample.lcpMs)} ms, CLS ${sample.cls.toFixed(3)}, TBT ${Math.round(sample.tbtMs)} ms`);
      }
    }
  } finally {
    await browser.close();
  }
  return pages.map((page) => {
    const list = samples[page.name] ?? [];
    /** @param {(s: Awaited<ReturnType<typeof loadOnce>>) => number} pick */
    const med = (pick) => median(list.map(pick));
    const row = {
      page: page.name,
      path: page.path,
      runs: list.length,
      kb: { js: med((s) => s.bytes.js) / 1024, css: med((s) => s.bytes.css) / 1024, images: med((s) => s.bytes.images) / 1024, html: med((s) => s.bytes.html) / 1024, api: med((s) => s.bytes.api) / 1024 },
      fcpMs: med((s) => s.fcpMs),
      lcpMs: med((s) => s.lcpMs),
      cls: med((s) => s.cls),
      tbtMs: med((s) => s.tbtMs),
    };
    const checks = { js: row.kb.js <= WEB_GOALS.jsKb, lcp: row.lcpMs <= WEB_GOALS.lcpMs, cls: row.cls <= WEB_GOALS.cls };
    return { ...row, pass: checks };
  });
}

/** @param {Awaited<ReturnType<typeof benchWeb>>} rows */
export function renderWebText(rows) {
  const p = WEB_PROFILE;
  const ok = (/** @type {boolean} */ pass) => (pass ? "PASS" : "FAIL");
  const lines = [
    `web: phone ${p.viewport.width}×${p.viewport.height} @${p.deviceScaleFactor}x, ${p.rttMs} ms RTT, ${p.downKbps} kbit/s down/${p.upKbps} up, CPU ${p.cpuSlowdown}× slower, cold cache; medians of ${rows[0]?.runs ?? 0} runs`,
    `goals: shop JS ≤ ${WEB_GOALS.jsKb} KB on the wire, LCP ≤ ${WEB_GOALS.lcpMs} ms, CLS ≤ ${WEB_GOALS.cls}`,
    "",
    "| page | JS KB | CSS KB | images KB | HTML KB | API KB | FCP ms | LCP ms | CLS | TBT ms | JS | LCP | CLS |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.page} | ${r.kb.js.toFixed(1)} | ${r.kb.css.toFixed(1)} | ${r.kb.images.toFixed(1)} | ${r.kb.html.toFixed(1)} | ${r.kb.api.toFixed(1)} | ${Math.round(r.fcpMs)} | ${Math.round(r.lcpMs)} | ${r.cls.toFixed(3)} | ${Math.round(r.tbtMs)} | ${ok(r.pass.js)} | ${ok(r.pass.lcp)} | ${ok(r.pass.cls)} |`,
    ),
  ];
  return lines.join("\n");
}
