import { describe, expect, it } from "vitest";
import { makeOrder } from "../testing/builders.js";
import { claimGuestOrder, intentCustomerId } from "./guest.js";

const guest = { email: "asha@example.com", phone: "+919800000001" };
const account = { id: "u9", email: "asha@example.com" };

describe("claimGuestOrder", () => {
  it("gives an unclaimed guest order to the account with the guest's email, keeping the contact", () => {
    const order = makeOrder({ guest, status: "confirmed", paymentMethod: "cod" });
    expect(claimGuestOrder(order, account)).toEqual({ ...order, userId: "u9", version: order.version + 1 });
  });

  it("leaves alone an account's order, a claimed order and another email's order", () => {
    const order = makeOrder({ guest, paymentMethod: "cod" });
    expect(claimGuestOrder(makeOrder(), account)).toBeNull();
    expect(claimGuestOrder({ ...order, userId: "u1" }, account)).toBeNull();
    expect(claimGuestOrder(order, { id: "u9", email: "other@example.com" })).toBeNull();
  });
});

describe("intentCustomerId", () => {
  it("names the account for an account's order and the order for a guest's, claimed or not", () => {
    const order = makeOrder({ guest, paymentMethod: "card" });
    expect(intentCustomerId(makeOrder({ userId: "u1" }))).toBe("u1");
    expect(intentCustomerId(order)).toBe("guest:order-1");
    expect(intentCustomerId({ ...order, userId: "u9" })).toBe("guest:order-1");
    expect(() => intentCustomerId({ ...order, guest: null })).toThrow("neither");
  });
});
