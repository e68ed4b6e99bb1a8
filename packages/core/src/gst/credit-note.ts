import { allocate } from "../money/allocate.js";
import { money } from "../money/money.js";
import { divideHalfUp } from "../money/tax.js";
import { err, ok, type Result } from "../result.js";
import type { TaxDocument, TaxDocumentLine } from "./document.js";
import { totalsOf } from "./invoice.js";

/** What a credit note reduces: whole units of one invoice line (a return), with what they paid. */
export interface CreditedItem {
  readonly itemRef: string;
  readonly grossMinor: number;
  readonly quantity: number;
}

export interface CreditNoteInput {
  readonly invoice: TaxDocument;
  /** The credit notes already issued against `invoice`. */
  readonly prior: readonly TaxDocument[];
  /** What was refunded, tax included. */
  readonly amountMinor: number;
  /** The returned items the refund was computed from; null for a refund of an amount (spread over what remains). */
  readonly items: readonly CreditedItem[] | null;
  readonly number: string;
  readonly issuedAt: Date;
}

export type CreditNoteError = { readonly code: "CREDIT_EXCEEDS_INVOICE"; readonly amountMinor: number; readonly remainingMinor: number };

type Figures = Pick<TaxDocumentLine, "taxableMinor" | "cgstMinor" | "sgstMinor" | "igstMinor" | "totalMinor">;

const itemRefOf = (line: TaxDocumentLine, index: number) => line.itemRef ?? `#${index}`;

/**
 * Per line of `invoice` (in its order), what its credit notes have not yet taken back: the line less
 * every `prior` credit note's line with the same item reference. Never negative, by construction of
 * {@link buildCreditNote}.
 */
export function remainingOnInvoice(invoice: TaxDocument, prior: readonly TaxDocument[]): Figures[] {
  return invoice.lines.map((line, index) => {
    const ref = itemRefOf(line, index);
    const taken = prior.flatMap((note) => note.lines.filter((l) => l.itemRef === ref));
    const less = (pick: (l: Figures) => number) => pick(line) - taken.reduce((acc, l) => acc + pick(l), 0);
    return { taxableMinor: less((l) => l.taxableMinor), cgstMinor: less((l) => l.cgstMinor), sgstMinor: less((l) => l.sgstMinor), igstMinor: less((l) => l.igstMinor), totalMinor: less((l) => l.totalMinor) };
  });
}

/**
 * Splits `amount` by `weights` without any part passing its cap: what a part cannot take flows to the
 * others, by weight while weighted parts have room, then by room left. Null when the caps hold less
 * than the amount.
 */
function allocateCapped(amount: number, weights: readonly number[], caps: readonly number[]): number[] | null {
  if (caps.reduce((a, c) => a + c, 0) < amount) return null;
  const parts = caps.map(() => 0);
  let left = amount;
  while (left > 0) {
    const room = caps.map((cap, i) => cap - (parts[i] ?? 0));
    const weighted = weights.map((w, i) => ((room[i] ?? 0) > 0 ? w : 0));
    const shares = allocate(money(left, "XXX"), weighted.some((w) => w > 0) ? weighted : room);
    left = 0;
    shares.forEach((share, i) => {
      const take = Math.min(share.minor, room[i] ?? 0);
      parts[i] = (parts[i] ?? 0) + take;
      left += share.minor - take;
    });
  }
  return parts;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * One credit line taking `gross` back from what remains of an invoice line: tax in proportion
 * (remaining tax × gross / remaining total, half up), clamped so neither the taxable value nor any tax
 * column goes past what remains; taking the whole remainder takes every column's remainder exactly.
 * The odd paisa goes to CGST, as on the invoice, unless only SGST has room for it.
 */
function creditLine(line: TaxDocumentLine, ref: string, rest: Figures, gross: number, quantity: number): TaxDocumentLine {
  const restTax = rest.cgstMinor + rest.sgstMinor + rest.igstMinor;
  const proportional = Number(divideHalfUp(BigInt(restTax) * BigInt(gross), BigInt(rest.totalMinor)));
  const tax = clamp(proportional, Math.max(0, gross - rest.taxableMinor), Math.min(restTax, gross));
  const cgst = rest.igstMinor > 0 ? 0 : clamp(tax - Math.floor(tax / 2), tax - rest.sgstMinor, rest.cgstMinor);
  const igst = rest.igstMinor > 0 ? tax : 0;
  return {
    itemRef: ref,
    description: line.description,
    hsnOrSac: line.hsnOrSac,
    quantity,
    taxableMinor: gross - tax,
    rateBp: line.rateBp,
    cgstMinor: cgst,
    sgstMinor: tax - cgst - igst,
    igstMinor: igst,
    totalMinor: gross,
  };
}

/**
 * The credit note for a refund against `invoice`. A return's refund is spread over the returned
 * items by what they paid (an admin's override moves with them in proportion); a refund of an amount
 * over everything still on the invoice. Invariant (property-tested): across all credit notes of an
 * invoice, no line's taxable value or tax column, and no total, ever exceeds the invoice's; a refund
 * larger than what remains is refused.
 */
export function buildCreditNote(input: CreditNoteInput): Result<TaxDocument, CreditNoteError> {
  const { invoice } = input;
  const rest = remainingOnInvoice(invoice, input.prior);
  const refs = invoice.lines.map(itemRefOf);
  const caps = rest.map((r) => r.totalMinor);
  const byRef = new Map((input.items ?? []).map((item) => [item.itemRef, item]));
  const weights = input.items ? refs.map((ref) => byRef.get(ref)?.grossMinor ?? 0) : caps;
  const parts = input.amountMinor >= 0 ? allocateCapped(input.amountMinor, weights, caps) : null;
  if (!parts) return err({ code: "CREDIT_EXCEEDS_INVOICE", amountMinor: input.amountMinor, remainingMinor: caps.reduce((a, c) => a + c, 0) });
  const lines = invoice.lines.flatMap((line, i) => {
    const gross = parts[i] ?? 0;
    const figures = rest[i];
    if (gross === 0 || !figures) return [];
    return [creditLine(line, refs[i] ?? "", figures, gross, byRef.get(refs[i] ?? "")?.quantity ?? 0)];
  });
  return ok({
    ...invoice,
    kind: "credit-note",
    number: input.number,
    issuedAt: input.issuedAt.toISOString(),
    refersTo: { number: invoice.number, issuedAt: invoice.issuedAt },
    lines,
    totals: totalsOf(lines),
  });
}
