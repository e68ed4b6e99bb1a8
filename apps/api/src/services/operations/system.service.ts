import type { DatabaseEngine, PaymentProvider } from "@bbscart/core";

export interface SystemInfo {
  name: string;
  version: string;
  engine: DatabaseEngine;
  /** "sandbox" takes no real money: the web app shows a banner saying so. */
  paymentProvider: PaymentProvider["name"];
  /**
   * How the web app takes a payment: whose wire format (a Razorpay-format answer comes back with a
   * signature to verify) and the public key Razorpay Checkout opens with (null: the sandbox page).
   */
  paymentCheckout: { wireFormat: PaymentProvider["wireFormat"]; publicKey: string | null };
}

/** What a visitor may know about the running installation: enough to report a bug against. */
export function systemService(info: SystemInfo) {
  return {
    info: (): SystemInfo => ({ ...info }),
  };
}
