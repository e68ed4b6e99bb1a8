import type { TaxDocumentKind } from "./document.js";

/**
 * The document kinds as a list, for schemas and output contracts (ADR 060: one list per enum).
 * `document.ts` names the union; `satisfies` keeps the list inside it, and the API's contract test
 * (an output built from this list against the service's `TaxDocumentKind`) keeps it complete.
 */
export const TAX_DOCUMENT_KINDS = ["tax-invoice", "bill-of-supply", "credit-note"] as const satisfies readonly TaxDocumentKind[];
