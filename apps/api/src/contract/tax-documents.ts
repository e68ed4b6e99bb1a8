import { SUPPLY_KINDS, TAX_DOCUMENT_KINDS } from "@bbscart/core";
import { z } from "zod";
import { list } from "./shared.js";

const minor = (description: string) => z.number().int().meta({ description: `${description}, in integer minor units (paise).` });

const partyOutput = z
  .object({
    name: z.string(),
    gstin: z.string().nullable().meta({ description: "Null for an unregistered seller or a consumer buyer." }),
    addressLines: list(z.string()),
    stateGstCode: z.string().meta({ description: "Two-digit GST state code, e.g. 29." }),
    stateName: z.string(),
  })
  .meta({ id: "TaxParty" });

const figures = {
  taxableMinor: minor("Value before tax, after discounts"),
  cgstMinor: minor("Central GST (intra-state supplies)"),
  sgstMinor: minor("State GST (intra-state supplies)"),
  igstMinor: minor("Integrated GST (inter-state supplies)"),
  totalMinor: minor("Taxable value plus taxes: what was charged"),
};

/** An issued GST document, exactly as issued: renderers lay it out and never compute tax. */
export const taxDocumentOutput = z
  .object({
    kind: z.enum(TAX_DOCUMENT_KINDS).meta({ description: "A bill of supply is issued while the store has no GSTIN; it carries no GST." }),
    number: z.string().meta({ description: "Consecutive within its series and financial year, e.g. INV/25-26/000123; at most 16 characters." }),
    issuedAt: z.string().meta({ description: "ISO 8601 date-time of issue." }),
    currency: z.string(),
    orderNumber: z.string(),
    refersTo: z.object({ number: z.string(), issuedAt: z.string() }).nullable().meta({ description: "The invoice a credit note reduces; null otherwise." }),
    seller: partyOutput,
    buyer: partyOutput,
    placeOfSupply: z.object({ stateGstCode: z.string(), stateName: z.string() }),
    supply: z.enum(SUPPLY_KINDS),
    lines: list(
      z.object({
        description: z.string(),
        hsnOrSac: z.string().meta({ description: "HSN (goods) or SAC (services; delivery is 996812); empty when the product has none." }),
        quantity: z.number().int(),
        rateBp: z.number().int().meta({ description: "GST rate in basis points (1800 = 18 %)." }),
        ...figures,
        itemRef: z.string().optional().meta({ description: "The order line's variant id, or `delivery`." }),
      }),
    ),
    totals: z.object(figures),
  })
  .meta({ id: "TaxDocument" });

export const orderTaxDocumentsOutput = z
  .object({ orderId: z.string(), documents: list(taxDocumentOutput).meta({ description: "The invoice (or bill of supply) first, then credit notes as they were issued; empty before the order is confirmed." }) })
  .meta({ id: "OrderTaxDocuments" });
