import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "./allocate.js";
import { money } from "./money.js";
const inr = (minor) => money(minor, "INR");
const minors = (parts) => parts.map((p) => p.minor);
describe("allocate", () => {
    it("splits by largest remainder, ties to the earlier index", () => {
        expect(minors(allocate(inr(100), [1, 1, 1]))).toEqual([34, 33, 33]);
        expect(minors(allocate(inr(5), [3, 7]))).toEqual([2, 3]);
        expect(minors(allocate(inr(-100), [1, 1, 1]))).toEqual([-34, -33, -33]);
    });
    it("gives zero-weight parts nothing", () => {
        expect(minors(allocate(inr(10), [0, 1, 0]))).toEqual([0, 10, 0]);
    });
    it("splits zero over zero weights and refuses anything else", () => {
        expect(minors(allocate(inr(0), [0, 0]))).toEqual([0, 0]);
        expect(() => allocate(inr(1), [0, 0])).toThrow(RangeError);
        expect(() => allocate(inr(1), [])).toThrow(RangeError);
        expect(() => allocate(inr(1), [-1, 2])).toThrow(RangeError);
        expect(() => allocate(inr(1), [0.5])).toThrow(RangeError);
    });
    it("stays exact for amounts and weights whose product exceeds 2^53", () => {
        const parts = allocate(inr(Number.MAX_SAFE_INTEGER), [Number.MAX_SAFE_INTEGER, 1]);
        expect(parts.reduce((a, p) => a + BigInt(p.minor), 0n)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
    });
    const amount = fc.integer({ min: -1e13, max: 1e13 });
    const weights = fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 20 }).filter((ws) => ws.some((w) => w > 0));
    it("conserves the total: no paisa is lost or invented (property)", () => {
        fc.assert(fc.property(amount, weights, (a, ws) => {
            const parts = allocate(inr(a), ws);
            expect(parts).toHaveLength(ws.length);
            expect(parts.reduce((acc, p) => acc + p.minor, 0)).toBe(a);
        }));
    });
    it("keeps each part within one unit of its exact share; equal weights differ by at most one (property)", () => {
        fc.assert(fc.property(amount, fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 30 }), (a, w, n) => {
            const parts = minors(allocate(inr(a), Array.from({ length: n }, () => w)));
            expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
        }));
        fc.assert(fc.property(amount, weights, (a, ws) => {
            const total = ws.reduce((x, y) => x + y, 0);
            allocate(inr(a), ws).forEach((p, i) => {
                const exact = (a * (ws[i] ?? 0)) / total;
                expect(Math.abs(p.minor - exact)).toBeLessThan(1 + 1e-6 * Math.abs(exact));
            });
        }));
    });
});
//# sourceMappingURL=allocate.test.js.map