import { productCreateInput, variantCreateInput } from "@bbscart/core/schemas";
import { describe, expect, it } from "vitest";
import { fieldMessage, isInputRefusal } from "./field-errors";

describe("messages a form writes itself", () => {
  it("name the field by the schema's label, as the schema's own messages do", () => {
    expect(fieldMessage(variantCreateInput.shape.priceMinor, "must be an amount such as 499.00")).toBe("Price must be an amount such as 499.00");
    expect(fieldMessage(productCreateInput.shape.taxRateBp, "must be a percentage such as 18")).toBe("Tax rate % must be a percentage such as 18");
  });
});

describe("a refused input offers no retry", () => {
  it("is told apart from a failure worth retrying by the fields the API named", () => {
    expect(isInputRefusal({ data: { httpStatus: 400, fieldErrors: [{ path: "minPrice", message: "Min price must not exceed max price" }] } })).toBe(true);
    expect(isInputRefusal({ data: { httpStatus: 503, fieldErrors: [] } })).toBe(false);
    expect(isInputRefusal(new Error("network down"))).toBe(false);
    expect(isInputRefusal(null)).toBe(false);
  });
});
