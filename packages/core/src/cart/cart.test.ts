import { describe, expect, it } from "vitest";
import { inr, makeCart, T0 } from "../testing/builders.js";
import { acceptPrice, addItem, MAX_LINE_QUANTITY, mergeCarts, removeItem, setCoupon, setQuantity } from "./cart.js";

const later = new Date("2025-01-16T00:00:00Z");
const line = (variantId: string, quantity: number) => ({ variantId, quantity, unitPrice: inr(1000) });
/** Stock that never limits: the per-line cap is the only bound. */
const plenty = 1_000;

describe("cart", () => {
  it("keeps the same variant on one line when added twice", () => {
    const once = addItem(makeCart(), line("v1", 2), later, plenty);
    const twice = once.ok ? addItem(once.value, line("v1", 3), later, plenty) : once;
    expect(twice.ok && twice.value.lines).toEqual([line("v1", 5)]);
    expect(twice.ok && twice.value.updatedAt).toBe(later);
  });

  it("keeps the accepted price when more units of a re-priced line are added, up or down", () => {
    const cart = makeCart([line("v1", 2)]);
    for (const now of [inr(1500), inr(700)]) {
      const added = addItem(cart, { variantId: "v1", quantity: 1, unitPrice: now }, later, plenty);
      expect(added.ok && added.value.lines).toEqual([{ variantId: "v1", quantity: 3, unitPrice: inr(1000) }]);
    }
    const fresh = addItem(cart, { variantId: "v2", quantity: 1, unitPrice: inr(1500) }, later, plenty);
    expect(fresh.ok && fresh.value.lines[1]).toEqual({ variantId: "v2", quantity: 1, unitPrice: inr(1500) });
  });

  it("refuses more than the per-line limit", () => {
    const cart = makeCart([line("v1", MAX_LINE_QUANTITY)]);
    expect(addItem(cart, line("v1", 1), later, plenty)).toEqual({ ok: false, error: { code: "QUANTITY_LIMIT", variantId: "v1", max: MAX_LINE_QUANTITY } });
    expect(setQuantity(cart, "v1", MAX_LINE_QUANTITY + 1, later, plenty).ok).toBe(false);
  });

  it("sets quantities, zero removing the line", () => {
    const cart = makeCart([line("v1", 1), line("v2", 1)]);
    const set = setQuantity(cart, "v2", 4, later, plenty);
    expect(set.ok && set.value.lines).toEqual([line("v1", 1), line("v2", 4)]);
    const removed = setQuantity(cart, "v1", 0, later, plenty);
    expect(removed.ok && removed.value.lines).toEqual([line("v2", 1)]);
    expect(setQuantity(cart, "v9", 1, later, plenty)).toEqual({ ok: false, error: { code: "NOT_IN_CART", variantId: "v9" } });
  });

  it("grows a line only up to the stock available, saying how many are left and how many are in the cart", () => {
    const cart = makeCart([line("v1", 2)]);
    expect(addItem(cart, line("v1", 1), later, 3).ok).toBe(true);
    expect(addItem(cart, line("v1", 2), later, 3)).toEqual({ ok: false, error: { code: "NOT_ENOUGH_STOCK", variantId: "v1", available: 3, inCart: 2 } });
    expect(addItem(cart, line("v2", 1), later, 0)).toEqual({ ok: false, error: { code: "NOT_ENOUGH_STOCK", variantId: "v2", available: 0, inCart: 0 } });
    expect(setQuantity(cart, "v1", 4, later, 3)).toEqual({ ok: false, error: { code: "NOT_ENOUGH_STOCK", variantId: "v1", available: 3, inCart: 2 } });
    expect(setQuantity(cart, "v1", 3, later, 3).ok).toBe(true);
  });

  it("lets a line shrink however little is left, even below zero available (reserved by others meanwhile)", () => {
    const cart = makeCart([line("v1", 5)]);
    const shrunk = setQuantity(cart, "v1", 4, later, -2);
    expect(shrunk.ok && shrunk.value.lines).toEqual([line("v1", 4)]);
    expect(setQuantity(cart, "v1", 6, later, -2)).toEqual({ ok: false, error: { code: "NOT_ENOUGH_STOCK", variantId: "v1", available: 0, inCart: 5 } });
  });

  it("removes lines", () => {
    expect(removeItem(makeCart([line("v1", 1)]), "v1", later).lines).toEqual([]);
  });

  it("normalizes coupon codes and can clear them", () => {
    const withCoupon = setCoupon(makeCart(), "  welcome10 ", later);
    expect(withCoupon.couponCode).toBe("WELCOME10");
    expect(setCoupon(withCoupon, null, later).couponCode).toBeNull();
  });

  it("takes the current price once the shopper accepted it", () => {
    const cart = acceptPrice(makeCart([line("v1", 1), line("v2", 1)]), "v1", inr(900), later);
    expect(cart.lines.map((l) => l.unitPrice.minor)).toEqual([900, 1000]);
  });

  it("merges a guest cart at login: quantities add up to the cap, the shopper's coupon wins", () => {
    const mine = makeCart([line("v1", 2)], { couponCode: "MINE" });
    const guest = makeCart([line("v1", 98), line("v2", 1)], { id: "guest", userId: null, guestId: "g1", couponCode: "GUEST" });
    const plenty = new Map([["v1", 1000], ["v2", 1000]]);
    const merged = mergeCarts(mine, guest, { now: later, available: plenty });
    expect(merged.id).toBe("cart-1");
    expect(merged.lines).toEqual([line("v1", MAX_LINE_QUANTITY), line("v2", 1)]);
    expect(merged.couponCode).toBe("MINE");
    expect(mergeCarts(makeCart(), guest, { now: T0, available: plenty }).couponCode).toBe("GUEST");
  });
  it("caps merged quantities at the stock available and drops guest lines with none", () => {
    const mine = makeCart([line("v1", 2), line("v3", 4)]);
    const guest = makeCart([line("v1", 5), line("v2", 1), line("gone", 1)], { id: "guest", userId: null, guestId: "g1" });
    const merged = mergeCarts(mine, guest, { now: later, available: new Map([["v1", 3], ["v2", 0], ["v3", 0]]) });
    expect(merged.lines).toEqual([line("v1", 3), line("v3", 4)]);
  });
});
