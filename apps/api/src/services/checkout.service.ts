import type { CommerceDeps } from "./commerce-deps.js";

export function checkoutService(_deps: CommerceDeps) {
  return {};
}
