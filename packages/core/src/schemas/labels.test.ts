import { describe, expect, it } from "vitest";
import { z } from "zod";
import { inputFields, internalNames, labelFaults, labelOf } from "../testing/labels.js";
import { labelled, text } from "./fields.js";
import * as schemas from "./index.js";

/** Every input schema core exports: the web's forms and the API's procedures take theirs from here. */
const inputs = Object.entries(schemas).flatMap(([name, value]): [string, z.ZodType][] => (value instanceof z.ZodType ? [[name, value]] : []));

describe("labels: every field names itself in the person's words", () => {
  it("finds the schemas and their nested fields", () => {
    expect(inputs.length).toBeGreaterThan(50);
    const paths = inputFields(schemas.placeOrderInput).map((f) => f.path);
    expect(paths).toContain("address.postalCode");
    expect(labelOf(schemas.addressInput.shape.postalCode)).toBe("PIN code");
    expect(labelOf(schemas.addressInput.shape.line2)).toBe("Address line 2");
  });

  it.each(inputs)("%s: every field has a label and no message names an internal field", (name, schema) => {
    expect(labelFaults(name, schema)).toEqual([]);
  });
});

describe("the label test itself", () => {
  it("fails a field without a label, and one labelled with its key", () => {
    const unlabelled = z.object({ gstin: z.string() });
    expect(labelFaults("x", unlabelled)).toEqual([expect.stringContaining("gstin has no label")]);
    const keyed = z.object({ gstin: text("gstin", 15) });
    expect(labelFaults("x", keyed)).toContain("x: gstin's label \"gstin\" must start with a capital, as a person reads it");
    const identifier = z.object({ guestEmail: labelled(z.string({ error: "Guest email must be text" }), "GuestEmail_x") });
    expect(labelFaults("x", identifier).join("\n")).toMatch(/reads as an identifier/);
  });

  it("fails a message that names a key, a camelCase or snake_case name, or minor units and basis points", () => {
    const line = { key: "line1", label: "Address line 1" };
    expect(internalNames("line1 is required", [line])).toEqual(["line1"]);
    expect(internalNames("Address line 1 is required", [line])).toEqual([]);
    expect(internalNames("minPrice must not exceed maxPrice", [])).toEqual(["minPrice", "maxPrice"]);
    expect(internalNames("reason must be wrong_item", [])).toEqual(["wrong_item"]);
    expect(internalNames("Price must be at least 1 Minor", [])).toEqual(["Minor"]);
    expect(internalNames("taxBp too high", [])).toEqual(["taxBp"]);
    expect(internalNames("Pick a state or union territory", [{ key: "state", label: "State" }])).toEqual([]);
    const refined = z.object({ minPrice: labelled(z.number(), "Min price") }).refine(() => false, { error: "minPrice is wrong" });
    expect(labelFaults("x", refined)).toEqual(['x: the input: "minPrice is wrong" names minPrice']);
  });

  it("reads the messages a field gives when parsed, not only those it declares", () => {
    const built = z.object({ note: labelled(z.string().transform((v, ctx) => (ctx.addIssue({ code: "custom", message: `noteText ${v}` }), v)), "Note") });
    expect(labelFaults("x", built).join("\n")).toMatch(/names noteText/);
  });
});

describe("messages in the person's units", () => {
  const first = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

  it("speak of amounts in rupees and of basis points as percent", () => {
    const variant = schemas.variantCreateInput;
    expect(first(variant.shape.priceMinor, 0)).toBe("Price must be at least ₹0.01");
    expect(first(variant.shape.priceMinor, 10_000_000_001)).toBe("Price must be at most ₹10,00,00,000.00");
    expect(first(schemas.couponDiscountInput, { kind: "percentage", percentBp: 10_001 })).toBe("Discount % must be at most 100");
    expect(first(schemas.couponDiscountInput, { kind: "percentage", percentBp: 12.5 })).toBe("Discount % may have at most 2 decimal places");
    expect(first(schemas.productCreateInput.shape.taxRateBp, -1)).toBe("Tax rate % must be at least 0");
    expect(first(schemas.priceChangeBp, -9_001)).toBe("Price change % must be at least -90");
    expect(first(schemas.walletAdjustmentInput.shape.amountMinor, -10_000_000_001)).toBe("Amount must be at least -₹10,00,00,000.00");
  });

  it("name each address field by its label, and a profile's phone by the addresses' rule", () => {
    const address = { name: "Asha", phone: "9800000001", line1: "", city: "Bengaluru", state: "KA", postalCode: "5600" };
    expect(schemas.addressInput.safeParse(address).error?.issues.map((i) => i.message)).toEqual(["Address line 1 is required", "PIN code must be 6 digits"]);
    expect(first(schemas.updateProfileInput, { name: "Asha", phone: "12345" })).toBe("Enter a 10-digit mobile number");
    expect(schemas.updateProfileInput.parse({ name: "Asha", phone: "098000 00001" }).phone).toBe("+919800000001");
  });
});
