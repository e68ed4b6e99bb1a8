import { describe, expect, it } from "vitest";
import { orderTransitions } from "./order.machine.js";
import { ORDER_VIEW_STATUSES } from "./views.js";

describe("order views", () => {
  it("puts in needs attention only statuses whose next step only an admin can take", () => {
    for (const status of ORDER_VIEW_STATUSES.needs_attention) {
      const rules = Object.values(orderTransitions[status]) as ReadonlyArray<{ readonly by: readonly string[] }>;
      expect(rules.some((rule) => rule.by.length === 1 && rule.by[0] === "admin"), status).toBe(true);
    }
  });

  it("leaves out orders awaiting payment: the shopper pays again or expiry cancels them", () => {
    expect(ORDER_VIEW_STATUSES.needs_attention).not.toContain("pending_payment");
  });
});
