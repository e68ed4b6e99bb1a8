import type { CommerceDeps } from "./commerce-deps.js";

export function walletService(_deps: CommerceDeps) {
  return {};
}
