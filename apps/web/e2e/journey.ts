import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../test-results");

/** True when the journeys in this run cannot have a browser (the notice says why); they count as skipped. */
export const noBrowser = inject("browserEndpoint") === null;

/**
 * Connects to the run's shared browser and gives each journey file a fresh context (its own cookies
 * and storage) on the shared server — or, with `installation: "razorpay"`, on the installation whose
 * sandbox imitates Razorpay; `viewport` sets the window size (a phone, for instance).
 */
export function useJourney(options: { viewport?: { width: number; height: number }; installation?: "main" | "razorpay" } = {}) {
  let browser: Browser;
  let context: BrowserContext;
  const state = { page: undefined as unknown as Page, baseUrl: inject(options.installation === "razorpay" ? "razorpayBaseUrl" : "baseUrl") };
  beforeAll(async () => {
    browser = await chromium.connect(inject("browserEndpoint")!);
    context = await browser.newContext({ baseURL: state.baseUrl, ...(options.viewport ? { viewport: options.viewport } : {}) });
    state.page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });
  return state;
}

export function screenshotPath(name: string): string {
  return path.join(resultsDir, "journeys", `${name}.png`);
}
