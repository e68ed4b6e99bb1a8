import type { CommerceDeps } from "./commerce-deps.js";

export function settingsService(_deps: CommerceDeps) {
  return {};
}
