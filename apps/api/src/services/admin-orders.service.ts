import type { CommerceDeps } from "./commerce-deps.js";

export function adminOrdersService(_deps: CommerceDeps) {
  return {};
}
