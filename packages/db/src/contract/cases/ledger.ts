import { postTransfers, transact } from "@bbscart/core";
import { inr, makeTransfer } from "@bbscart/core/testing";
import { expect, it } from "vitest";
import { itNeeds, type ContractContext } from "../context.js";
import { allPages, at, expectDuplicate } from "../fixtures.js";

export function ledgerCases(context: ContractContext): void {
  it("transfers are appended once, found by id and by reference", async () => {
    const { ledger } = context.db.repos;
    const first = makeTransfer({ memo: "top-up" });
    await ledger.append(first);
    await ledger.append(makeTransfer({ id: "t-2", reference: "pi_1", createdAt: at(1) }));
    await ledger.append(makeTransfer({ id: "t-3", reference: "pi_2", createdAt: at(2) }));
    expect(await ledger.findTransfer("t-1")).toEqual(first);
    expect(await ledger.findTransfer("missing")).toBeNull();
    await expectDuplicate(ledger.append(makeTransfer({ amount: inr(1) })), "ledger_transfers.id");
    expect((await ledger.byReference("pi_1")).map((t) => t.id)).toEqual(["t-1", "t-2"]);
    expect(await ledger.findTransfer("t-1")).toEqual(first);
  });

  it("balances: credits add up, a missing account is zero, debits respect the floor or its absence", async () => {
    const { ledger } = context.db.repos;
    const wallet = "wallet:user-1" as const;
    expect(await ledger.balance(wallet, "INR")).toEqual(inr(0));
    expect(await ledger.debitIfSufficient(wallet, inr(1), 0)).toBe(false);
    await ledger.credit(wallet, inr(100));
    await ledger.credit(wallet, inr(50));
    expect(await ledger.debitIfSufficient(wallet, inr(151), 0)).toBe(false);
    expect(await ledger.debitIfSufficient(wallet, inr(150), 0)).toBe(true);
    expect(await ledger.balance(wallet, "INR")).toEqual(inr(0));
    expect(await ledger.debitIfSufficient("platform:card_clearing", inr(500), null)).toBe(true);
    expect(await ledger.debitIfSufficient("platform:card_clearing", inr(500), null)).toBe(true);
    expect(await ledger.balance("platform:card_clearing", "INR")).toEqual(inr(-1000));
    expect(await ledger.balance("platform:card_clearing", "USD")).toEqual({ minor: 0, currency: "USD" });
  });

  itNeeds(context, ["transactionIsolation"], "a platform account moved by 40 concurrent postings keeps its cached balance equal to the derived one", async () => {
    const { db } = context;
    // Each posting in its own unit of work, as checkouts do: captured payments credit sales and debit card clearing.
    await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        transact(db.uow, (repos) =>
          postTransfers(repos.ledger, [makeTransfer({ id: `t-sale-${n}`, debit: "platform:card_clearing", credit: "platform:sales", amount: inr(100 + n), kind: "order_payment" })], "INR"),
        ),
      ),
    );
    const total = inr(40 * 100 + (39 * 40) / 2);
    expect(await db.repos.ledger.balance("platform:sales", "INR")).toEqual(total);
    expect(await db.repos.ledger.derivedBalance("platform:sales", "INR")).toEqual(total);
    expect(await db.repos.ledger.balance("platform:card_clearing", "INR")).toEqual(inr(-total.minor));
    expect(await db.repos.ledger.derivedBalance("platform:card_clearing", "INR")).toEqual(inr(-total.minor));
  });

  it("posting through the port keeps cached and derived balances equal, and statements list newest first", async () => {
    const { uow } = context.db;
    const transfers = [
      makeTransfer({ id: "top", amount: inr(1000), createdAt: at(1) }),
      makeTransfer({ id: "pay", debit: "wallet:user-1", credit: "platform:sales", amount: inr(300), kind: "order_payment", reference: "o1", createdAt: at(2) }),
      makeTransfer({ id: "refund", debit: "platform:refunds", credit: "wallet:user-1", amount: inr(100), kind: "refund", reference: "o1", createdAt: at(3) }),
    ];
    const posted = await transact(uow, (repos) => postTransfers(repos.ledger, transfers, "INR"));
    expect(posted.ok).toBe(true);
    const { ledger } = context.db.repos;
    for (const account of ["wallet:user-1", "platform:card_clearing", "platform:sales", "platform:refunds"] as const) {
      expect(await ledger.derivedBalance(account, "INR")).toEqual(await ledger.balance(account, "INR"));
    }
    expect(await ledger.balance("wallet:user-1", "INR")).toEqual(inr(800));
    const pages = await allPages((page) => ledger.statement("wallet:user-1", page), 2);
    expect(pages.map((items) => items.map((t) => t.id))).toEqual([["refund", "pay"], ["top"]]);
    expect((await allPages((page) => ledger.statement("platform:sales", page), 5)).flat().map((t) => t.id)).toEqual(["pay"]);
  });

  it("the same transfer id posted twice writes once", async () => {
    const { uow } = context.db;
    const transfer = makeTransfer({ amount: inr(700) });
    const first = await transact(uow, (repos) => postTransfers(repos.ledger, [transfer], "INR"));
    const second = await transact(uow, (repos) => postTransfers(repos.ledger, [transfer], "INR"));
    expect(first).toEqual({ ok: true, value: { posted: [transfer], replayed: [] } });
    expect(second).toEqual({ ok: true, value: { posted: [], replayed: ["t-1"] } });
    expect(await context.db.repos.ledger.balance("wallet:user-1", "INR")).toEqual(inr(700));
    expect(await context.db.repos.ledger.derivedBalance("wallet:user-1", "INR")).toEqual(inr(700));
  });
}
