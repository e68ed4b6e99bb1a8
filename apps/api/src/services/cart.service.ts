import type { CommerceDeps } from "./commerce-deps.js";

export function cartService(_deps: CommerceDeps) {
  return {};
}
