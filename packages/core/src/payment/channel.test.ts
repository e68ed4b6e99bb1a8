import { describe, expect, it } from "vitest";
import { paymentChannel } from "./channel.js";

describe("paymentChannel", () => {
  it("names wallet and cash on delivery by their method, whatever the intent says", () => {
    expect(paymentChannel({ method: "wallet", providerIntentId: null })).toBe("wallet");
    expect(paymentChannel({ method: "cod", providerIntentId: "pi_x" })).toBe("cod");
  });

  it("calls a Stripe intent a card payment", () => {
    expect(paymentChannel({ method: "card", providerIntentId: "pi_3Nabc" })).toBe("card");
    expect(paymentChannel({ method: "card", providerIntentId: "pi_sandbox_abc" })).toBe("card");
  });

  it("calls a Razorpay order, or a payment not started yet, an online payment", () => {
    expect(paymentChannel({ method: "card", providerIntentId: "order_0123456789abcd" })).toBe("online");
    expect(paymentChannel({ method: "card", providerIntentId: null })).toBe("online");
  });
});
