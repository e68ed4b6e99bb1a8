import { claimGuestOrder, couponHolders } from "@bbscart/core";
import { makeCoupon, makeOrder } from "@bbscart/core/testing";
import { expect, it } from "vitest";
import { itNeeds, type ContractContext } from "../context.js";

const guest = { email: "asha@example.com", phone: "+919800000001" };
const times = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => fn(i)));

/** Guest checkout (ADR 141): ownerless orders, their claim, and coupon limits counted by email and phone. */
export function guestCases(context: ContractContext): void {
  it("guest orders: stored without an owner, found by email until claimed, claimed by compare-and-set", async () => {
    const { orders } = context.db.repos;
    const first = makeOrder({ id: "g1", guest, paymentMethod: "cod", status: "confirmed" });
    const other = makeOrder({ id: "g2", guest: { ...guest, email: "ravi@example.com" }, paymentMethod: "cod", status: "confirmed" });
    await orders.create(first);
    await orders.create(other);
    await orders.create(makeOrder({ id: "o3", userId: "user-9" }));
    expect(await orders.findById("g1")).toEqual(first);
    expect(await orders.findByNumber(first.number)).toEqual(first);
    expect(await orders.findByNumber("BB-99999")).toBeNull();
    expect((await orders.findUnclaimedGuestOrders("asha@example.com")).map((o) => o.id)).toEqual(["g1"]);
    const claimed = claimGuestOrder(first, { id: "user-9", email: "asha@example.com" });
    if (!claimed) throw new Error("the guest order should be claimable");
    expect(await orders.save(claimed, first.version)).toBe(true);
    // A second claim from the same loaded copy loses the compare-and-set, so it cannot repeat.
    expect(await orders.save(claimed, first.version)).toBe(false);
    expect(await orders.findById("g1")).toEqual(claimed);
    expect(await orders.findUnclaimedGuestOrders("asha@example.com")).toEqual([]);
    expect((await orders.listForUser("user-9", { cursor: null, limit: 10 })).items.map((o) => o.id).sort()).toEqual(["g1", "o3"]);
  });

  it("coupons: one redemption counts for every holder key, so a guest's email is caught whether it redeemed as a guest or an account", async () => {
    const { coupons } = context.db.repos;
    await coupons.create(makeCoupon({ perCustomerLimit: 1 }));
    const account = couponHolders({ userId: "user-1", email: "Asha@example.com", phone: null });
    expect(await coupons.redeemIfAvailable("WELCOME10", account)).toBe(true);
    // The same person as a guest: same email, and a phone the account never had.
    expect(await coupons.redeemIfAvailable("WELCOME10", couponHolders({ userId: null, ...guest }))).toBe(false);
    // Another guest sharing only the phone is a new customer for the email, not for the phone.
    expect(await coupons.redeemIfAvailable("WELCOME10", couponHolders({ userId: null, email: "ravi@example.com", phone: "+919800000002" }))).toBe(true);
    expect(await coupons.redeemIfAvailable("WELCOME10", couponHolders({ userId: null, email: "meera@example.com", phone: "+919800000002" }))).toBe(false);
    expect(await coupons.customerUses("WELCOME10", "email:asha@example.com")).toBe(1);
    expect(await coupons.customerUses("WELCOME10", "phone:+919800000002")).toBe(1);
    // A refused redemption took nothing: neither the total nor any of its holders' counts.
    expect(await coupons.customerUses("WELCOME10", "email:meera@example.com")).toBe(0);
    expect((await coupons.findByCode("WELCOME10"))?.usedCount).toBe(2);
    await coupons.releaseRedemption("WELCOME10", account);
    expect(await coupons.customerUses("WELCOME10", "user-1")).toBe(0);
    expect((await coupons.findByCode("WELCOME10"))?.usedCount).toBe(1);
    expect(await coupons.redeemIfAvailable("WELCOME10", couponHolders({ userId: null, ...guest }))).toBe(true);
  });

  // Both redemptions bump the same email row; only isolated transactions make the second see the first.
  itNeeds(context, ["transactionIsolation"], "concurrent redemptions by the same guest email under a once-per-customer coupon count once", async () => {
    const { coupons } = context.db.repos;
    await coupons.create(makeCoupon({ perCustomerLimit: 1 }));
    const results = await times(10, (i) => coupons.redeemIfAvailable("WELCOME10", couponHolders({ userId: null, email: guest.email, phone: `+91980000001${i}` })));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await coupons.customerUses("WELCOME10", "email:asha@example.com")).toBe(1);
  });
}
