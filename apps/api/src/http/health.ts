import { Router } from "express";

export type Probe = () => Promise<void>;

function withTimeout(probe: Probe, ms: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    probe().then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

function errorMessage(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

/**
 * `/healthz` says the process is up (for restarts); `/readyz` says it can serve (for load balancers):
 * every dependency answered within the timeout, else 503 naming the ones that did not.
 */
export function healthRoutes(probes: Record<string, Probe>, timeoutMs: number): Router {
  const routes = Router();
  routes.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  routes.get("/readyz", async (req, res) => {
    const entries = Object.entries(probes);
    const results = await Promise.allSettled(entries.map(([, probe]) => withTimeout(probe, timeoutMs)));
    const checks: Record<string, { ok: boolean; error?: string }> = {};
    results.forEach((result, i) => {
      checks[entries[i]![0]] =
        result.status === "fulfilled" ? { ok: true } : { ok: false, error: errorMessage(result.reason) };
    });
    const ready = results.every((result) => result.status === "fulfilled");
    if (!ready) req.log.warn({ checks }, "not ready");
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "unavailable", checks });
  });
  return routes;
}
