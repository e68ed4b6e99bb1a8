import { err, ok, postTransfers, transact } from "@bbscart/core";
import { inr, makeCoupon, makeTransfer } from "@bbscart/core/testing";
import { expect, it } from "vitest";
import type { ContractContext } from "../context.js";
import { itNeeds } from "../context.js";
import { seedProduct, stockedProduct } from "../fixtures.js";

const wallet = "wallet:user-1" as const;

export function guardedCases(context: ContractContext): void {
  itNeeds(context, ["exprArithmetic"], "reserving 6 of 5 is refused and reserves nothing", async () => {
    await seedProduct(context.db, stockedProduct(1, { onHand: 5 }));
    expect(await context.db.repos.inventory.reserveIfAvailable("var-1", 6)).toBe(false);
    expect(await context.db.repos.inventory.level("var-1")).toEqual({ onHand: 5, reserved: 0 });
  });

  it("debiting 120 from 100 is refused and the balance stays", async () => {
    await context.db.repos.ledger.credit(wallet, inr(100));
    expect(await context.db.repos.ledger.debitIfSufficient(wallet, inr(120), 0)).toBe(false);
    expect(await context.db.repos.ledger.balance(wallet, "INR")).toEqual(inr(100));
  });

  it("a refused transfer comes back as INSUFFICIENT_FUNDS and posts nothing", async () => {
    const { uow, repos } = context.db;
    await transact(uow, (r) => postTransfers(r.ledger, [makeTransfer({ id: "fund", amount: inr(100) })], "INR"));
    const spend = makeTransfer({ id: "spend", debit: wallet, credit: "platform:sales", amount: inr(120), kind: "order_payment", reference: "o1" });
    const result = await transact(uow, (r) => postTransfers(r.ledger, [spend], "INR"));
    expect(result).toEqual(err({ code: "INSUFFICIENT_FUNDS", account: wallet, balance: inr(100), amount: inr(120) }));
    expect(await repos.ledger.findTransfer("spend")).toBeNull();
    expect(await repos.ledger.balance(wallet, "INR")).toEqual(inr(100));
    expect(await repos.ledger.balance("platform:sales", "INR")).toEqual(inr(0));
  });

  itNeeds(context, ["exprArithmetic"], "transact: a refusal on the second line rolls back the first line's reservation", async () => {
    const { uow, repos } = context.db;
    await seedProduct(context.db, stockedProduct(1, { onHand: 5 }));
    await seedProduct(context.db, stockedProduct(2, { onHand: 5 }));
    const place = (lines: Array<[string, number]>) =>
      transact(uow, async (r) => {
        for (const [variantId, quantity] of lines) {
          if (!(await r.inventory.reserveIfAvailable(variantId, quantity))) return err({ code: "OUT_OF_STOCK", variantId });
        }
        return ok(lines.length);
      });
    expect(await place([["var-1", 3], ["var-2", 6]])).toEqual(err({ code: "OUT_OF_STOCK", variantId: "var-2" }));
    expect(await repos.inventory.level("var-1")).toEqual({ onHand: 5, reserved: 0 });
    expect(await place([["var-1", 3], ["var-2", 5]])).toEqual(ok(2));
    expect(await repos.inventory.level("var-1")).toEqual({ onHand: 5, reserved: 3 });
    expect(await repos.inventory.level("var-2")).toEqual({ onHand: 5, reserved: 5 });
  });

  it("a coupon at its usage limit is refused and its count stays", async () => {
    await context.db.repos.coupons.create(makeCoupon({ usageLimit: 1, usedCount: 1 }));
    expect(await context.db.repos.coupons.redeemIfAvailable("WELCOME10", ["user-1"])).toBe(false);
    expect((await context.db.repos.coupons.findByCode("WELCOME10"))?.usedCount).toBe(1);
    expect(await context.db.repos.coupons.customerUses("WELCOME10", "user-1")).toBe(0);
  });
}
