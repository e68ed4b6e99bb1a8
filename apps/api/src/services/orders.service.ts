import type { CommerceDeps } from "./commerce-deps.js";

export function ordersService(_deps: CommerceDeps) {
  return {};
}
