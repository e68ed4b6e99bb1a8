import { describe, expect, it } from "vitest";
import { cartGetInput, myOrdersInput, orderReasonInput } from "./cart.js";

describe("cart page and my-orders schemas", () => {
  it("default what the shopper leaves out and name the field at fault", () => {
    expect(cartGetInput.parse(undefined)).toBeUndefined();
    expect(cartGetInput.parse({ deliveryOptionId: "express" })).toEqual({ deliveryOptionId: "express" });
    expect(myOrdersInput.parse({})).toEqual({ cursor: null, limit: 24 });
    expect(orderReasonInput.parse({ orderId: "o1", reason: "  changed my mind " })).toEqual({ orderId: "o1", reason: "changed my mind" });
    const refused = orderReasonInput.safeParse({ orderId: "o1", reason: "no" });
    expect(refused.success ? [] : refused.error.issues.map((i) => i.message)).toEqual(["Reason must be at least 3 characters"]);
  });
});
