import type { CommerceDeps } from "./commerce-deps.js";

export function catalogService(_deps: CommerceDeps) {
  return {};
}
