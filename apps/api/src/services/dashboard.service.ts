import type { CommerceDeps } from "./commerce-deps.js";

export function dashboardService(_deps: CommerceDeps) {
  return {};
}
