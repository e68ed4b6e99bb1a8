import type { DatabaseEngine, PaymentProvider } from "@bbscart/core";

export interface SystemInfo {
  name: string;
  version: string;
  engine: DatabaseEngine;
  /** "sandbox" takes no real money: the web app shows a banner saying so. */
  paymentProvider: PaymentProvider["name"];
}

/** What a visitor may know about the running installation: enough to report a bug against. */
export function systemService(info: SystemInfo) {
  return {
    info: (): SystemInfo => ({ ...info }),
  };
}
