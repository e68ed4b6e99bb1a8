import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adjustOnHand, available, combineItems, commit, isLowStock, onlyLeft, release, reserve, restock, type StockLevel } from "./stock.js";

const level = (onHand: number, reserved = 0): StockLevel => ({ onHand, reserved });

describe("stock rules", () => {
  it("tells the count left only when it is low and above zero", () => {
    expect(onlyLeft(level(3), 5)).toBe(3);
    expect(onlyLeft(level(5, 0), 5)).toBe(5);
    expect(onlyLeft(level(6), 5)).toBeNull();
    expect(onlyLeft(level(4, 4), 5)).toBeNull();
    expect(onlyLeft(level(1, 3), 5)).toBeNull();
  });

  it("reserves only what is available", () => {
    expect(reserve(level(5, 3), 2)).toEqual({ ok: true, value: level(5, 5) });
    expect(reserve(level(5, 3), 3)).toEqual({ ok: false, error: { code: "OUT_OF_STOCK", requested: 3, available: 2 } });
  });

  it("releases and commits only reserved units", () => {
    expect(release(level(5, 3), 3)).toEqual({ ok: true, value: level(5, 0) });
    expect(release(level(5, 1), 2).ok).toBe(false);
    expect(commit(level(5, 3), 2)).toEqual({ ok: true, value: level(3, 1) });
    expect(commit(level(5, 1), 2)).toEqual({ ok: false, error: { code: "NOT_RESERVED", requested: 2, reserved: 1 } });
  });

  it("restocks returned units", () => {
    expect(restock(level(1, 1), 4)).toEqual(level(5, 1));
  });

  it("refuses adjustments below what is reserved", () => {
    expect(adjustOnHand(level(10, 4), -6)).toEqual({ ok: true, value: level(4, 4) });
    expect(adjustOnHand(level(10, 4), -7)).toEqual({ ok: false, error: { code: "BELOW_RESERVED", onHand: 3, reserved: 4 } });
    expect(() => adjustOnHand(level(1), 0.5)).toThrow(RangeError);
  });

  it("treats zero, negative or fractional quantities as bugs", () => {
    expect(() => reserve(level(5), 0)).toThrow(RangeError);
    expect(() => restock(level(5), -1)).toThrow(RangeError);
  });

  it("flags low stock by what is still available", () => {
    expect(isLowStock(level(10, 6), 5)).toBe(true);
    expect(isLowStock(level(10, 4), 5)).toBe(false);
  });

  it("combines items of the same variant", () => {
    expect(
      combineItems([
        { variantId: "v1", sku: "A", quantity: 1 },
        { variantId: "v2", sku: "B", quantity: 2 },
        { variantId: "v1", sku: "A", quantity: 3 },
      ]),
    ).toEqual([
      { variantId: "v1", sku: "A", quantity: 4 },
      { variantId: "v2", sku: "B", quantity: 2 },
    ]);
  });

  it("never lets stock go negative under any sequence of operations (property)", () => {
    const op = fc.record({
      kind: fc.constantFrom("reserve", "release", "commit", "restock", "adjust"),
      quantity: fc.integer({ min: 1, max: 20 }),
      delta: fc.integer({ min: -20, max: 20 }),
    });
    fc.assert(
      fc.property(fc.nat({ max: 50 }), fc.array(op, { maxLength: 60 }), (start, ops) => {
        let current = level(start);
        for (const { kind, quantity, delta } of ops) {
          const next =
            kind === "reserve" ? reserve(current, quantity)
            : kind === "release" ? release(current, quantity)
            : kind === "commit" ? commit(current, quantity)
            : kind === "adjust" ? adjustOnHand(current, delta)
            : { ok: true as const, value: restock(current, quantity) };
          if (next.ok) current = next.value;
          expect(current.reserved).toBeGreaterThanOrEqual(0);
          expect(available(current)).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
