import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { inr, T0 } from "../testing/builders.js";
import { attachIntent, authorize, capture, newPayment, outstanding, recordFailure, recordRefund, refundable, refundDestinations } from "./payment.js";

const refund = (id: string, minor: number, destination: "wallet" | "card" = "card") => ({ id, amount: inr(minor), destination, reason: "r", at: T0 });
const paid = () => {
  const captured = capture(newPayment("card", inr(1000)), inr(1000), "pi_1");
  if (!captured.ok) throw new Error("capture failed");
  return captured.value;
};

describe("payment status", () => {
  it("starts unpaid, derives every status from the amounts", () => {
    const p = newPayment("card", inr(1000));
    expect(p.status).toBe("unpaid");
    const held = authorize(p, inr(1000));
    expect(held.ok && held.value.status).toBe("authorized");
    expect(paid().status).toBe("paid");
    const partial = recordRefund(paid(), refund("r1", 400));
    expect(partial.ok && partial.value.status).toBe("partially_refunded");
    const full = partial.ok ? recordRefund(partial.value, refund("r2", 600)) : partial;
    expect(full.ok && full.value.status).toBe("refunded");
    expect(full.ok && refundable(full.value)).toEqual(inr(0));
  });

  it("never captures or authorizes more than is due, nor nonsense", () => {
    expect(capture(newPayment("card", inr(1000)), inr(1001), "pi")).toEqual({ ok: false, error: { code: "OVER_CAPTURE", outstanding: inr(1000) } });
    expect(authorize(newPayment("card", inr(1000)), inr(1001)).ok).toBe(false);
    expect(capture(newPayment("card", inr(1000)), inr(0), "pi")).toEqual({ ok: false, error: { code: "INVALID_AMOUNT" } });
    expect(capture(newPayment("card", inr(1000)), money(10, "USD"), "pi").ok).toBe(false);
    expect(authorize(newPayment("card", inr(1000)), inr(-1)).ok).toBe(false);
    expect(outstanding(paid())).toEqual(inr(0));
  });

  it("never refunds more than was captured", () => {
    expect(recordRefund(paid(), refund("r", 1001))).toEqual({ ok: false, error: { code: "REFUND_EXCEEDS_CAPTURED", refundable: inr(1000) } });
    expect(recordRefund(newPayment("card", inr(1000)), refund("r", 1)).ok).toBe(false);
    expect(recordRefund(paid(), refund("r", 0))).toEqual({ ok: false, error: { code: "INVALID_AMOUNT" } });
  });

  it("refunds cash and wallet payments only to the wallet", () => {
    expect(refundDestinations("card")).toEqual(["card", "wallet"]);
    expect(refundDestinations("cod")).toEqual(["wallet"]);
    const cod = capture(newPayment("cod", inr(500)), inr(500), "cod");
    expect(cod.ok && recordRefund(cod.value, refund("r", 100, "card"))).toEqual({
      ok: false,
      error: { code: "REFUND_DESTINATION_UNAVAILABLE", method: "cod", destination: "card" },
    });
  });

  it("remembers failed attempts without closing the payment", () => {
    const failed = recordFailure(attachIntent(newPayment("card", inr(1000)), "pi_9"), { at: T0, reason: "card_declined", providerRef: "pi_9" });
    expect(failed.status).toBe("unpaid");
    expect(failed.providerIntentId).toBe("pi_9");
    expect(failed.failedAttempts).toHaveLength(1);
    expect(capture(failed, inr(1000), "pi_9").ok).toBe(true);
  });
});
