import { buildInvoice, defaultTaxSettings, documentNumber, DuplicateKeyError, err, ok, transact, type IssuedTaxDocument, type Order, type Repositories } from "@bbscart/core";
import { makeOrder, makeProduct } from "@bbscart/core/testing";
import { expect, it } from "vitest";
import { itNeeds, type ContractContext } from "../context.js";
import { Boom } from "../fixtures.js";

const SERIES = "INV/25-26/";
const times = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => fn(i)));

/** The invoice of `order` numbered `number`, as the API issues it. */
export function issuedInvoice(order: Order, number: string): IssuedTaxDocument {
  const tax = { ...defaultTaxSettings, legalName: "BBS Retail Private Limited", gstin: "29AAGCB7383J1Z4" };
  const document = buildInvoice({ order, tax, storeName: "BBSCART", hsnByProduct: new Map([["prod-1", "6211"]]), number, issuedAt: new Date("2025-06-01T05:00:00Z") });
  return { orderId: order.id, refundId: null, document };
}

/** A credit note of `order` for `refundId`: the invoice's shape, another kind and number. */
const creditNote = (order: Order, number: string, refundId: string): IssuedTaxDocument => {
  const invoice = issuedInvoice(order, "INV/25-26/000001").document;
  return { orderId: order.id, refundId, document: { ...invoice, kind: "credit-note", number, refersTo: { number: invoice.number, issuedAt: invoice.issuedAt }, issuedAt: "2025-06-02T05:00:00.000Z" } };
};

/** What confirming an order does with numbering: take the next number of the series, issue under it. */
async function confirm(repos: Repositories, orderId: string): Promise<string> {
  const number = documentNumber(SERIES, await repos.taxDocuments.nextNumber(SERIES));
  await repos.taxDocuments.issue(issuedInvoice(makeOrder({ id: orderId }), number));
  return number;
}

export function taxDocumentCases(context: ContractContext): void {
  it("keeps a document as issued, found by number and listed with its order's in issue order", async () => {
    const { repos } = context.db;
    const order = makeOrder();
    const invoice = issuedInvoice(order, "INV/25-26/000001");
    await repos.taxDocuments.issue(invoice);
    await repos.taxDocuments.issue(creditNote(order, "CN/25-26/000001", "ref-1"));
    await repos.taxDocuments.issue(creditNote(order, "CN/25-26/000002", "ref-2"));
    expect(await repos.taxDocuments.findByNumber("INV/25-26/000001")).toEqual(invoice);
    expect(await repos.taxDocuments.findByNumber("INV/25-26/000002")).toBeNull();
    expect((await repos.taxDocuments.listForOrder(order.id)).map((d) => [d.document.number, d.refundId])).toEqual([
      ["INV/25-26/000001", null],
      ["CN/25-26/000001", "ref-1"],
      ["CN/25-26/000002", "ref-2"],
    ]);
    expect(await repos.taxDocuments.listForOrder("order-2")).toEqual([]);
  });

  it("pages the documents of some kinds issued in a range, by issue time then number, after the last one seen", async () => {
    const { repos } = context.db;
    const at = (number: string, issuedAt: string, kind: IssuedTaxDocument["document"]["kind"] = "tax-invoice", orderId = number): IssuedTaxDocument => {
      const issued = issuedInvoice(makeOrder({ id: orderId }), number);
      return { ...issued, refundId: kind === "credit-note" ? `ref-${number}` : null, document: { ...issued.document, kind, issuedAt } };
    };
    // Two documents share an instant: the number orders them, and a page boundary between them loses neither.
    const records = [
      at("INV/25-26/000003", "2025-06-02T00:00:00.000Z"),
      at("INV/25-26/000001", "2025-05-31T23:59:59.999Z"),
      at("INV/25-26/000002", "2025-06-01T00:00:00.000Z"),
      at("INV/25-26/000004", "2025-06-01T00:00:00.000Z"),
      at("CN/25-26/000001", "2025-06-01T12:00:00.000Z", "credit-note", "INV/25-26/000002"),
      at("INV/25-26/000005", "2025-06-03T00:00:00.000Z"),
    ];
    for (const record of records) await repos.taxDocuments.issue(record);
    const range = { from: new Date("2025-06-01T00:00:00Z"), to: new Date("2025-06-03T00:00:00Z") };
    const walk = async (kinds: readonly ("tax-invoice" | "bill-of-supply" | "credit-note")[], limit: number) => {
      const pages: string[][] = [];
      let after: { issuedAt: string; number: string } | null = null;
      for (;;) {
        const page = await repos.taxDocuments.pageIssued(kinds, range, after, limit);
        if (page.length === 0) return pages;
        pages.push(page.map((d) => d.number));
        const last = page.at(-1)!;
        after = { issuedAt: last.issuedAt, number: last.number };
      }
    };
    expect(await walk(["tax-invoice", "bill-of-supply"], 1)).toEqual([["INV/25-26/000002"], ["INV/25-26/000004"], ["INV/25-26/000003"]]);
    expect(await walk(["tax-invoice", "credit-note"], 2)).toEqual([["INV/25-26/000002", "INV/25-26/000004"], ["CN/25-26/000001", "INV/25-26/000003"]]);
    expect(await walk(["credit-note"], 10)).toEqual([["CN/25-26/000001"]]);
    expect(await repos.taxDocuments.pageIssued([], range, null, 10)).toEqual([]);
  });

  it("refuses a number twice, a second invoice of an order and a second credit note of a refund", async () => {
    const { repos } = context.db;
    const order = makeOrder();
    await repos.taxDocuments.issue(issuedInvoice(order, "INV/25-26/000001"));
    await repos.taxDocuments.issue(creditNote(order, "CN/25-26/000001", "ref-1"));
    const refusal = (record: IssuedTaxDocument) => repos.taxDocuments.issue(record).then(() => null, (error: unknown) => (error instanceof DuplicateKeyError ? error.key : error));
    expect(await refusal(issuedInvoice(makeOrder({ id: "order-2" }), "INV/25-26/000001"))).toBe("tax_documents.number");
    expect(await refusal(issuedInvoice(order, "INV/25-26/000002"))).toBe("tax_documents.order_invoice");
    expect(await refusal(creditNote(order, "CN/25-26/000002", "ref-1"))).toBe("tax_documents.refund");
  });

  it("numbers each series from 1 on its own; a unit of work that fails after taking a number gives it back", async () => {
    const { uow, repos } = context.db;
    expect(await transact(uow, async (r) => ok(await confirm(r, "order-1")))).toEqual({ ok: true, value: "INV/25-26/000001" });
    // Fails after allocating and issuing: neither the number nor the document survives.
    expect(await transact(uow, async (r) => err(await confirm(r, "order-2")))).toEqual({ ok: false, error: "INV/25-26/000002" });
    await expect(uow.run(async (r) => { await confirm(r, "order-2"); throw new Boom("after the number"); })).rejects.toBeInstanceOf(Boom);
    expect(await repos.taxDocuments.listForOrder("order-2")).toEqual([]);
    expect(await transact(uow, async (r) => ok(await confirm(r, "order-2")))).toEqual({ ok: true, value: "INV/25-26/000002" });
    expect(await transact(uow, async (r) => ok(await r.taxDocuments.nextNumber("CN/25-26/")))).toEqual({ ok: true, value: 1 });
    expect(await transact(uow, async (r) => ok(await r.taxDocuments.nextNumber("INV/26-27/")))).toEqual({ ok: true, value: 1 });
  });

  // Concurrent units of work on one counter conflict; MongoDB re-runs the losers (the emulator aborts them instead).
  itNeeds(context, ["transactionIsolation"], "200 concurrent confirmations get 200 consecutive invoice numbers, no gap, none twice", async () => {
    const { uow, repos } = context.db;
    const results = await times(200, (i) => transact(uow, async (r) => ok(await confirm(r, `order-${i}`))));
    const numbers = results.map((r) => (r.ok ? r.value : "")).sort();
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => documentNumber(SERIES, i + 1)));
    const stored = await times(200, (i) => repos.taxDocuments.listForOrder(`order-${i}`));
    expect(new Set(stored.flatMap((docs) => docs.map((d) => d.document.number))).size).toBe(200);
  }, 60_000);

  itNeeds(context, ["transactionIsolation"], "concurrent confirmations that half fail after their number leave no gap", async () => {
    const { uow } = context.db;
    const results = await times(60, (i) => transact(uow, async (r) => (i % 2 === 0 ? ok(await confirm(r, `order-${i}`)) : err(await confirm(r, `order-${i}`)))));
    expect(results.filter((r) => r.ok).map((r) => (r.ok ? r.value : "")).sort()).toEqual(Array.from({ length: 30 }, (_, i) => documentNumber(SERIES, i + 1)));
    expect(await transact(uow, async (r) => ok(await confirm(r, "order-next")))).toEqual({ ok: true, value: documentNumber(SERIES, 31) });
  }, 60_000);

  it("keeps a product's HSN code, and clears it", async () => {
    const { repos } = context.db;
    await repos.products.create(makeProduct({ hsnCode: "6211" }));
    expect((await repos.products.findById("prod-1"))?.hsnCode).toBe("6211");
    await repos.products.update("prod-1", { hsnCode: "1006", updatedAt: new Date("2025-02-01T00:00:00Z") });
    expect((await repos.products.findById("prod-1"))?.hsnCode).toBe("1006");
    await repos.products.update("prod-1", { hsnCode: null, updatedAt: new Date("2025-02-02T00:00:00Z") });
    expect((await repos.products.findById("prod-1"))?.hsnCode ?? null).toBeNull();
  });

  it("keeps an order's business buyer", async () => {
    const { repos } = context.db;
    const order = { ...makeOrder(), buyer: { gstin: "27AAPFU0939F1ZV", businessName: "Asha Traders" } };
    await repos.orders.create(order);
    expect((await repos.orders.findById(order.id))?.buyer).toEqual(order.buyer);
  });
}
