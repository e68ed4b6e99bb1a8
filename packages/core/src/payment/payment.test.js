import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { inr, T0 } from "../testing/builders.js";
import { attachIntent, authorize, capture, failRefundRecord, newPayment, outstanding, pendingRefund, recordFailure, recordRefund, refundable, refundDestinations, settleRefundRecord, } from "./payment.js";
const refund = (id, minor, destination = "card", status = "succeeded") => ({
    id,
    amount: inr(minor),
    destination,
    reason: "r",
    at: T0,
    status,
    settledAt: status === "pending" ? null : T0,
});
const later = new Date(T0.getTime() + 60_000);
const paid = () => {
    const captured = capture(newPayment("card", inr(1000)), inr(1000), "pi_1");
    if (!captured.ok)
        throw new Error("capture failed");
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
    it("reserves a pending refund's amount until it settles, and releases it when it fails", () => {
        const reserved = recordRefund(paid(), refund("r1", 700, "card", "pending"));
        if (!reserved.ok)
            throw new Error("refund refused");
        expect(refundable(reserved.value)).toEqual(inr(300));
        expect(recordRefund(reserved.value, refund("r2", 301)).ok).toBe(false);
        expect(pendingRefund(reserved.value, "r1")).toMatchObject({ id: "r1", status: "pending" });
        const settled = settleRefundRecord(reserved.value, "r1", later);
        if (!settled.ok || settled.value === "unchanged")
            throw new Error("not settled");
        expect(settled.value.refund).toMatchObject({ status: "succeeded", settledAt: later });
        expect(settled.value.payment.refunded).toEqual(inr(700));
        expect(pendingRefund(settled.value.payment, "r1")).toBeNull();
        expect(settleRefundRecord(settled.value.payment, "r1", later)).toEqual({ ok: true, value: "unchanged" });
        expect(failRefundRecord(settled.value.payment, "r1", later)).toEqual({ ok: false, error: { code: "REFUND_NOT_PENDING", refundId: "r1", status: "succeeded" } });
        const failed = failRefundRecord(reserved.value, "r1", later);
        if (!failed.ok || failed.value === "unchanged")
            throw new Error("not failed");
        expect(failed.value.payment.status).toBe("paid");
        expect(refundable(failed.value.payment)).toEqual(inr(1000));
        expect(failRefundRecord(failed.value.payment, "r1", later)).toEqual({ ok: true, value: "unchanged" });
        expect(settleRefundRecord(failed.value.payment, "r1", later)).toMatchObject({ ok: false, error: { code: "REFUND_NOT_PENDING", status: "failed" } });
        expect(settleRefundRecord(paid(), "nope", later)).toEqual({ ok: false, error: { code: "REFUND_NOT_FOUND", refundId: "nope" } });
    });
    it("remembers failed attempts without closing the payment", () => {
        const failed = recordFailure(attachIntent(newPayment("card", inr(1000)), "pi_9"), { at: T0, reason: "card_declined", providerRef: "pi_9" });
        expect(failed.status).toBe("unpaid");
        expect(failed.providerIntentId).toBe("pi_9");
        expect(failed.failedAttempts).toHaveLength(1);
        expect(capture(failed, inr(1000), "pi_9").ok).toBe(true);
    });
});
//# sourceMappingURL=payment.test.js.map