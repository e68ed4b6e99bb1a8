import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INDIAN_STATES } from "../account/india.js";
import type { Order } from "../order/order.js";
import { makeAddress, makeCoupon, makeOrder, makePricingLine, makeSettings, inr } from "../testing/builders.js";
import type { TaxDocument } from "./document.js";
import { buildCreditNote, remainingOnInvoice, type CreditedItem } from "./credit-note.js";
import { buildInvoice, DELIVERY_ITEM, invoiceKind, sellerParty, splitTax } from "./invoice.js";
import { documentNumber, documentSeries, financialYear } from "./numbering.js";
import { checkSlab, checkTaxSettings, defaultTaxSettings, type StoreTaxSettings } from "./tax-settings.js";

const registered: StoreTaxSettings = {
  ...defaultTaxSettings,
  legalName: "BBS Retail Private Limited",
  gstin: "29AAGCB7383J1Z4",
  addressLines: ["1 Residency Road", "Bengaluru 560025"],
  stateCode: "KA",
};

const hsn = new Map([["prod-1", "6211"]]);
const invoiceOf = (order: Order, tax: StoreTaxSettings = registered) =>
  buildInvoice({ order, tax, storeName: "BBSCART", hsnByProduct: hsn, number: "INV/25-26/000001", issuedAt: new Date("2025-06-01T05:00:00Z") });

const columnsSum = (doc: TaxDocument) => {
  for (const line of doc.lines) expect(line.taxableMinor + line.cgstMinor + line.sgstMinor + line.igstMinor).toBe(line.totalMinor);
};

describe("financial years and document numbers", () => {
  it("runs April to March in the store's time zone", () => {
    expect(financialYear(new Date("2025-04-01T00:00:00+05:30"), "Asia/Kolkata")).toBe("25-26");
    // 31 March 23:59 IST is still the old year, though UTC has it on 31 March 18:29.
    expect(financialYear(new Date("2026-03-31T23:59:59+05:30"), "Asia/Kolkata")).toBe("25-26");
    // 1 April 00:10 IST is 31 March in UTC: the store's calendar decides.
    expect(financialYear(new Date("2026-03-31T18:40:00Z"), "Asia/Kolkata")).toBe("26-27");
    expect(financialYear(new Date("2026-03-31T18:40:00Z"), "UTC")).toBe("25-26");
    expect(financialYear(new Date("2099-12-01T00:00:00Z"), "UTC")).toBe("99-00");
  });

  it("numbers each kind in its own series, at most 16 characters", () => {
    expect(documentSeries("tax-invoice", "INV", "25-26")).toBe("INV/25-26/");
    expect(documentSeries("credit-note", "INV", "25-26")).toBe("CN/25-26/");
    expect(documentSeries("bill-of-supply", "INV", "25-26")).toBe("BOS/25-26/");
    expect(documentNumber("INV/25-26/", 123)).toBe("INV/25-26/000123");
    expect(documentNumber("CN/25-26/", 999_999)).toBe("CN/25-26/999999");
    expect(() => documentNumber("INV/25-26/", 1_000_000)).toThrow(RangeError);
    expect(() => documentNumber("INV/25-26/", 0)).toThrow(RangeError);
  });
});

describe("tax settings", () => {
  it("accepts a registered store whose GSTIN is of its state, normalising the GSTIN and slabs", () => {
    expect(checkTaxSettings({ ...registered, gstin: "29aagcb7383j1z4", slabsBp: [1800, 0, 500, 500] })).toEqual({ ok: true, value: { ...registered, slabsBp: [0, 500, 1800] } });
    expect(checkTaxSettings(defaultTaxSettings).ok).toBe(true);
  });

  it("names the field of each refusal", () => {
    const refused = (input: Partial<StoreTaxSettings>) => {
      const checked = checkTaxSettings({ ...registered, ...input });
      return checked.ok ? null : [checked.error.code, checked.error.field];
    };
    expect(refused({ gstin: "29AAGCB7383J1Z5" })).toEqual(["INVALID_GSTIN", "gstin"]);
    expect(refused({ stateCode: "MH" })).toEqual(["GSTIN_STATE_MISMATCH", "stateCode"]);
    expect(refused({ legalName: "  " })).toEqual(["LEGAL_NAME_REQUIRED", "legalName"]);
    expect(refused({ invoicePrefix: "CN" })).toEqual(["INVOICE_PREFIX_INVALID", "invoicePrefix"]);
    expect(refused({ invoicePrefix: "BOS" })).toEqual(["INVOICE_PREFIX_INVALID", "invoicePrefix"]);
    expect(refused({ invoicePrefix: "INVC" })).toEqual(["INVOICE_PREFIX_INVALID", "invoicePrefix"]);
    expect(refused({ deliveryRateBp: 1200 })).toEqual(["TAX_RATE_NOT_A_SLAB", "deliveryRateBp"]);
  });

  it("allows product rates from the slab list only", () => {
    expect(checkSlab(defaultTaxSettings, 500, "taxRateBp")).toEqual({ ok: true, value: 500 });
    expect(checkSlab(defaultTaxSettings, 1200, "taxRateBp")).toMatchObject({ ok: false, error: { code: "TAX_RATE_NOT_A_SLAB", field: "taxRateBp" } });
  });
});

describe("invoices", () => {
  it("splits an intra-state supply into CGST and SGST, the odd paisa on CGST", () => {
    expect(splitTax(101, "intra-state")).toEqual({ cgstMinor: 51, sgstMinor: 50, igstMinor: 0 });
    expect(splitTax(101, "inter-state")).toEqual({ cgstMinor: 0, sgstMinor: 0, igstMinor: 101 });
    const order = makeOrder({ lines: [makePricingLine({ unitPrice: inr(11800), quantity: 1, taxRateBp: 1800 })] });
    const invoice = invoiceOf(order);
    expect(invoice.kind).toBe("tax-invoice");
    expect(invoice.supply).toBe("intra-state");
    expect(invoice.lines[0]).toMatchObject({ hsnOrSac: "6211", taxableMinor: 10000, cgstMinor: 900, sgstMinor: 900, igstMinor: 0, totalMinor: 11800, itemRef: "var-1" });
    expect(invoice.totals.totalMinor).toBe(order.total.minor);
  });

  it("charges IGST when the parcel goes to another state, with delivery as a SAC 996812 line", () => {
    const order = { ...makeOrder({ lines: [makePricingLine({ unitPrice: inr(10500), quantity: 2, taxRateBp: 500 })] }), address: makeAddress({ state: "MH", city: "Pune" }) };
    const withFee = { ...order, deliveryFee: inr(5900), total: inr(order.total.minor - order.deliveryFee.minor + 5900) };
    const invoice = invoiceOf(withFee);
    expect(invoice.supply).toBe("inter-state");
    expect(invoice.placeOfSupply).toEqual({ stateGstCode: "27", stateName: "Maharashtra" });
    expect(invoice.lines[0]).toMatchObject({ taxableMinor: 20000, igstMinor: 1000, cgstMinor: 0 });
    expect(invoice.lines[1]).toMatchObject({ itemRef: DELIVERY_ITEM, hsnOrSac: "996812", rateBp: 1800, taxableMinor: 5000, igstMinor: 900, totalMinor: 5900 });
    expect(invoice.totals.totalMinor).toBe(withFee.total.minor);
  });

  it("issues a bill of supply without GST until the store has a GSTIN, and prints the buyer's GSTIN on B2B orders", () => {
    expect(invoiceKind(defaultTaxSettings)).toBe("bill-of-supply");
    const order = { ...makeOrder(), buyer: { gstin: "27AAPFU0939F1ZV", businessName: "Asha Traders" } };
    const bill = invoiceOf(order, defaultTaxSettings);
    expect(bill.kind).toBe("bill-of-supply");
    expect(bill.seller).toMatchObject({ name: "BBSCART", gstin: null });
    expect(bill.buyer).toMatchObject({ name: "Asha Traders", gstin: "27AAPFU0939F1ZV" });
    expect(bill.totals).toMatchObject({ cgstMinor: 0, sgstMinor: 0, igstMinor: 0, taxableMinor: order.total.minor });
    columnsSum(bill);
  });

  it("takes the seller's state as the place of supply when the address names no Indian state", () => {
    const invoice = invoiceOf({ ...makeOrder(), address: makeAddress({ state: "Bavaria", line2: "Flat 2" }) });
    expect(invoice.supply).toBe("intra-state");
    expect(invoice.buyer.addressLines).toEqual(["12 MG Road", "Flat 2", "Bengaluru 560001"]);
    expect(sellerParty({ ...registered, stateCode: "XX" as "KA" }, "S")).toMatchObject({ stateGstCode: "", stateName: "" });
  });
});

const rates = fc.constantFrom(0, 500, 1800, 4000);
const cartArb = fc.record({
  lines: fc.array(fc.record({ unitMinor: fc.integer({ min: 1, max: 5_000_000 }), quantity: fc.integer({ min: 1, max: 7 }), rateBp: rates }), { minLength: 1, maxLength: 6 }),
  couponPercentBp: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
  state: fc.constantFrom(...INDIAN_STATES.map((s) => s.code)),
  deliveryFeeMinor: fc.integer({ min: 0, max: 20_000 }),
  deliveryRateBp: rates,
  registered: fc.boolean(),
});

type Cart = typeof cartArb extends fc.Arbitrary<infer T> ? T : never;

function orderFor(cart: Cart): { order: Order; tax: StoreTaxSettings } {
  const lines = cart.lines.map((l, i) => makePricingLine({ variantId: `var-${i}`, productId: `prod-${i}`, sku: `SKU-${i}`, unitPrice: inr(l.unitMinor), quantity: l.quantity, taxRateBp: l.rateBp }));
  const settings = makeSettings({ deliveryOptions: [{ id: "standard", label: "Standard", feeMinor: cart.deliveryFeeMinor, freeOverMinor: null, etaDays: { min: 1, max: 2 } }] });
  const coupon = cart.couponPercentBp === null ? null : makeCoupon({ percentBp: cart.couponPercentBp });
  // Cash on delivery confirms without a payment: a coupon can bring a small cart to ₹0, which a card
  // payment refuses (INVALID_AMOUNT), and the invoice does not depend on how the order was paid.
  const order = { ...makeOrder({ lines, coupon, settings, paymentMethod: "cod" }), address: makeAddress({ state: cart.state }) };
  return { order, tax: { ...(cart.registered ? registered : defaultTaxSettings), deliveryRateBp: cart.deliveryRateBp } };
}

describe("invoice properties", () => {
  it("a ₹0.01 line with a 50 % coupon (a ₹0 order, once a failing case of the property below) has an invoice of zeros", () => {
    const cart: Cart = { lines: [{ unitMinor: 1, quantity: 1, rateBp: 0 }], couponPercentBp: 5000, state: "JK", deliveryFeeMinor: 0, deliveryRateBp: 0, registered: false };
    const { order, tax } = orderFor(cart);
    expect(order.total.minor).toBe(0);
    const invoice = invoiceOf(order, tax);
    columnsSum(invoice);
    expect(invoice.totals.totalMinor).toBe(order.total.minor);
  });

  it("taxable values and taxes sum exactly to what was charged, split by where the parcel goes (property)", () => {
    fc.assert(
      fc.property(cartArb, (cart) => {
        const { order, tax } = orderFor(cart);
        const invoice = invoiceOf(order, tax);
        columnsSum(invoice);
        expect(invoice.totals.totalMinor).toBe(order.total.minor);
        expect(invoice.totals.taxableMinor + invoice.totals.cgstMinor + invoice.totals.sgstMinor + invoice.totals.igstMinor).toBe(order.total.minor);
        const goods = invoice.lines.filter((l) => l.itemRef !== DELIVERY_ITEM);
        goods.forEach((line, i) => expect(line.cgstMinor + line.sgstMinor + line.igstMinor).toBe(cart.registered ? order.lines[i]?.tax.minor : 0));
        const intra = cart.state === "KA";
        expect(invoice.supply).toBe(intra ? "intra-state" : "inter-state");
        for (const line of invoice.lines) {
          if (intra) expect(line.igstMinor).toBe(0);
          else expect(line.cgstMinor + line.sgstMinor).toBe(0);
          expect(line.cgstMinor - line.sgstMinor).toBeGreaterThanOrEqual(0);
          expect(line.cgstMinor - line.sgstMinor).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

/** A refund: a share of what remains (amount refund) or some items at a share of what they have left (a return). */
const refundArb = fc.record({ share: fc.integer({ min: 1, max: 1000 }), byItems: fc.boolean(), pick: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), overshoot: fc.integer({ min: 0, max: 3 }) });

describe("credit notes", () => {
  it("refuses a refund beyond what the invoice still holds", () => {
    const invoice = invoiceOf(makeOrder());
    const all = buildCreditNote({ invoice, prior: [], amountMinor: invoice.totals.totalMinor, items: null, number: "CN/25-26/000001", issuedAt: new Date("2025-06-02T00:00:00Z") });
    expect(all.ok && all.value.totals).toEqual(invoice.totals);
    expect(all.ok && all.value.refersTo).toEqual({ number: invoice.number, issuedAt: invoice.issuedAt });
    const more = buildCreditNote({ invoice, prior: all.ok ? [all.value] : [], amountMinor: 1, items: null, number: "CN/25-26/000002", issuedAt: new Date() });
    expect(more).toEqual({ ok: false, error: { code: "CREDIT_EXCEEDS_INVOICE", amountMinor: 1, remainingMinor: 0 } });
    expect(buildCreditNote({ invoice, prior: [], amountMinor: -1, items: null, number: "x", issuedAt: new Date() }).ok).toBe(false);
  });

  it("credits returned items by what they paid, with their units", () => {
    const order = makeOrder({ lines: [makePricingLine({ unitPrice: inr(11800), quantity: 3, taxRateBp: 1800 }), makePricingLine({ variantId: "var-2", productId: "prod-2", unitPrice: inr(1050), quantity: 1, taxRateBp: 500 })] });
    const invoice = invoiceOf(order);
    const note = buildCreditNote({ invoice, prior: [], amountMinor: 11800, items: [{ itemRef: "var-1", grossMinor: 11800, quantity: 1 }], number: "CN/25-26/000001", issuedAt: new Date() });
    expect(note.ok && note.value.lines).toEqual([expect.objectContaining({ itemRef: "var-1", quantity: 1, taxableMinor: 10000, cgstMinor: 900, sgstMinor: 900, totalMinor: 11800 })]);
  });

  it("across any sequence of refunds never exceeds its invoice, per line, per column and in total (property)", () => {
    fc.assert(
      fc.property(cartArb, fc.array(refundArb, { minLength: 1, maxLength: 6 }), (cart, refunds) => {
        const { order, tax } = orderFor(cart);
        const invoice = invoiceOf(order, tax);
        const notes: TaxDocument[] = [];
        for (const refund of refunds) {
          const rest = remainingOnInvoice(invoice, notes);
          const left = rest.reduce((a, r) => a + r.totalMinor, 0);
          if (left === 0) break;
          let items: CreditedItem[] | null = null;
          let amount = Math.max(1, Math.floor((left * refund.share) / 1000));
          if (refund.byItems) {
            items = invoice.lines.flatMap((l, i) => (refund.pick[i % 8] && (rest[i]?.totalMinor ?? 0) > 0 ? [{ itemRef: l.itemRef ?? "", grossMinor: Math.max(1, Math.floor(((rest[i]?.totalMinor ?? 0) * refund.share) / 1000)), quantity: 1 }] : []));
            // An admin's override may ask a little more than the items' worth; it flows to other lines.
            amount = Math.min(left, items.reduce((a, i) => a + i.grossMinor, 0) + refund.overshoot) || 1;
          }
          const note = buildCreditNote({ invoice, prior: notes, amountMinor: amount, items, number: `CN/25-26/${notes.length + 1}`, issuedAt: new Date() });
          expect(note.ok).toBe(true);
          if (!note.ok) return;
          columnsSum(note.value);
          expect(note.value.totals.totalMinor).toBe(amount);
          notes.push(note.value);
        }
        for (const r of remainingOnInvoice(invoice, notes)) {
          for (const v of [r.taxableMinor, r.cgstMinor, r.sgstMinor, r.igstMinor, r.totalMinor]) expect(v).toBeGreaterThanOrEqual(0);
          expect(r.taxableMinor + r.cgstMinor + r.sgstMinor + r.igstMinor).toBe(r.totalMinor);
        }
      }),
    );
  });
});
