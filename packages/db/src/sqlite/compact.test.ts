import { randomBytes } from "node:crypto";
import { ORDER_STATUSES, PAYMENT_METHODS } from "@bbscart/core";
import { inr, makeOrder, makePricingLine } from "@bbscart/core/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeJson } from "./codec.js";
import { packJson, unpackJson, unpackJsonText } from "./compact.js";

const line = fc.record({
  variantId: fc.string({ minLength: 1, maxLength: 12 }),
  productId: fc.string({ minLength: 1, maxLength: 12 }),
  name: fc.string({ maxLength: 40 }),
  quantity: fc.integer({ min: 1, max: 9 }),
  unitPrice: fc.integer({ min: 1, max: 10_000_000 }).map((minor) => inr(minor)),
  taxRateBp: fc.constantFrom(0, 500, 1200, 1800, 2800),
});

/** Orders in every status and payment method, with arbitrary lines (any text in their names), as the machine makes them. */
const order = fc
  .record({
    status: fc.constantFrom(...ORDER_STATUSES.filter((status) => !status.startsWith("return_"))),
    paymentMethod: fc.constantFrom(...PAYMENT_METHODS),
    lines: fc.uniqueArray(line, { minLength: 1, maxLength: 4, selector: (l) => l.variantId }),
    id: fc.uuid(),
  })
  .map(({ lines, ...options }) => makeOrder({ ...options, lines: lines.map((l) => makePricingLine(l)) }));

describe("compact stored form", () => {
  it("gives back exactly the order it was given, dates as dates", () => {
    fc.assert(
      fc.property(order, (o) => {
        expect(unpackJson(packJson(o))).toEqual(o);
      }),
    );
  });

  it("gives back any JSON value, and the exact text encodeJson writes for it", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const packed = packJson(value);
        expect(unpackJsonText(packed)).toBe(encodeJson(value));
        expect(unpackJson(packed)).toEqual(JSON.parse(encodeJson(value)));
      }),
    );
  });

  it("gives back a record that deflates to more than one output buffer", () => {
    // Text a dictionary cannot shorten: ~12 KiB deflated, several rounds of the 2 KiB output buffer.
    const noise = { note: randomBytes(9_000).toString("base64") };
    const packed = packJson(noise);
    expect(packed.length).toBeGreaterThan(3 * 2048);
    expect(unpackJson(packed)).toEqual(noise);
  });

  it("stores a delivered order's details in a fraction of their JSON", () => {
    const delivered = makeOrder({ status: "delivered", paymentMethod: "card" });
    expect(packJson(delivered).length).toBeLessThan(Buffer.byteLength(encodeJson(delivered)) / 4);
  });

  it("reads a record as stored before the 16 KiB window (written with the default 32 KiB): the bytes of a delivered order", () => {
    const stored = Buffer.from(
      "AdWZ3QqCMBTHX8UHSPIDKy+1jxuTQPIBhISCysh52bvHztTcdDo3ErzTo5tn47+f+5+VMiG/VpOy4r5+inb7CKI1W/EFRPpX9KLLt3SU0bjLHr7BrnsIkoUfxNHZ0/1jrIc/TW8zhLKnFhRvlAAP/HuRakstFOGCablQQpGDA7+1LCF682m+525MpxsVf8mz4s8hFaHqcKJjRk50RhBD6VqQhvgeRNTNRC+/JlqUZCwbDaOuGlWMpCqyapiEfhVByZ8yJVryu1VDJkphW9XGJjyYDp34CECEnrdL+nhlCA+NnFfgAEEUHAAxULVXru1YoBm8hwJ7kntoiMV0sxG2lW4o4GFLik/hZAdya7s8kIDg1pOvz3L/WUmqkankJAokqmiBFTNs2SAIEJH2uyHW3bDuh3FLqtZmjuOUdmGEMHMcsqRnbJa5158v",
      "base64",
    );
    expect(unpackJson(stored)).toEqual(makeOrder({ status: "delivered", paymentMethod: "card" }));
  });

  it("refuses a record of a format it does not know rather than misreading it", () => {
    const packed = packJson({ a: 1 });
    packed[0] = 2;
    expect(() => unpackJson(packed)).toThrow(/unknown compact record format 2/);
  });
});
