import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { inr, makeTransfer, T0 } from "../testing/builders.js";
import { balanceFloor, isWalletAccount, PLATFORM_ACCOUNTS, walletAccount } from "./accounts.js";
import { balanceOf, deriveBalances, emptyLedger, postBatch, statement } from "./ledger.js";
import { adjustmentTransfer, checkTransfer, reversalOf, topUpTransfer } from "./transfer.js";
const post = (state, batch) => {
    const result = postBatch(state, batch);
    if (!result.ok)
        throw new Error(JSON.stringify(result.error));
    return result.value.state;
};
const wallet = walletAccount("user-1");
describe("accounts", () => {
    it("wallets have a floor of zero, platform accounts none", () => {
        expect(isWalletAccount(wallet)).toBe(true);
        expect(balanceFloor(wallet)).toBe(0);
        expect(balanceFloor(PLATFORM_ACCOUNTS.sales)).toBeNull();
    });
});
describe("transfers", () => {
    it("must move a positive amount between two accounts in the ledger currency", () => {
        expect(checkTransfer(makeTransfer({ amount: inr(0) }), "INR")).toMatchObject({ ok: false, error: { reason: "non_positive_amount" } });
        expect(checkTransfer(makeTransfer({ debit: wallet, credit: wallet }), "INR")).toMatchObject({ ok: false, error: { reason: "same_account" } });
        expect(checkTransfer(makeTransfer({ amount: money(5, "USD") }), "INR")).toMatchObject({ ok: false, error: { reason: "currency_mismatch" } });
    });
    it("derive top-up ids from the payment intent", () => {
        expect(topUpTransfer({ userId: "user-1", amount: inr(500), paymentIntentId: "pi_7", now: T0 })).toMatchObject({
            id: "topup:pi_7",
            debit: PLATFORM_ACCOUNTS.cardClearing,
            credit: wallet,
            kind: "top_up",
        });
    });
    it("turn admin adjustments into credits or debits with the reason", () => {
        expect(adjustmentTransfer({ id: "adj1", userId: "user-1", amount: inr(300), reason: "goodwill", now: T0 })).toMatchObject({
            debit: PLATFORM_ACCOUNTS.adjustments,
            credit: wallet,
            amount: inr(300),
            memo: "goodwill",
        });
        expect(adjustmentTransfer({ id: "adj2", userId: "user-1", amount: inr(-300), reason: "duplicate credit", now: T0 })).toMatchObject({
            debit: wallet,
            credit: PLATFORM_ACCOUNTS.adjustments,
            amount: inr(300),
        });
    });
});
describe("ledger", () => {
    it("derives balances and statements from transfers", () => {
        const topUp = makeTransfer({ id: "t1", amount: inr(1000) });
        const spend = makeTransfer({ id: "t2", debit: wallet, credit: PLATFORM_ACCOUNTS.sales, amount: inr(400), kind: "order_payment" });
        const state = post(emptyLedger("INR"), [topUp, spend]);
        expect(balanceOf(state, wallet)).toEqual(inr(600));
        expect(balanceOf(state, PLATFORM_ACCOUNTS.refunds)).toEqual(inr(0));
        expect(deriveBalances(state.transfers.values())).toEqual(state.balances);
        expect(statement(wallet, [...state.transfers.values()], "INR").map((l) => [l.change.minor, l.balanceAfter.minor])).toEqual([
            [1000, 1000],
            [-400, 600],
        ]);
        expect(statement(walletAccount("nobody"), [topUp], "INR")).toEqual([]);
    });
    it("refuses to overdraw a wallet and leaves the state untouched (all-or-nothing)", () => {
        const topUp = makeTransfer({ id: "t1", amount: inr(1000) });
        const tooMuch = makeTransfer({ id: "t2", debit: wallet, credit: PLATFORM_ACCOUNTS.sales, amount: inr(1001) });
        const start = emptyLedger("INR");
        expect(postBatch(start, [topUp, tooMuch])).toEqual({
            ok: false,
            error: { code: "INSUFFICIENT_FUNDS", account: wallet, balance: inr(1000), amount: inr(1001) },
        });
        expect(start.transfers.size).toBe(0);
    });
    it("treats a replayed transfer id as a no-op and a different transfer under it as a conflict", () => {
        const topUp = makeTransfer({ id: "t1", amount: inr(1000) });
        const state = post(emptyLedger("INR"), [topUp]);
        const replay = postBatch(state, [topUp]);
        expect(replay.ok && replay.value.replayed).toEqual(["t1"]);
        expect(replay.ok && replay.value.state.balances).toEqual(state.balances);
        expect(postBatch(state, [{ ...topUp, amount: inr(2) }])).toEqual({ ok: false, error: { code: "TRANSFER_ID_CONFLICT", transferId: "t1" } });
        expect(postBatch(state, [makeTransfer({ id: "bad", amount: inr(-1) })]).ok).toBe(false);
    });
    it("corrects by reversal, once", () => {
        const topUp = makeTransfer({ id: "t1", amount: inr(1000) });
        const state = post(emptyLedger("INR"), [topUp]);
        const reversal = reversalOf(topUp, { reason: "charged back", now: T0 });
        expect(reversal).toMatchObject({ id: "reversal:t1", debit: wallet, credit: PLATFORM_ACCOUNTS.cardClearing, kind: "reversal", reference: "t1" });
        const reversed = post(state, [reversal]);
        expect(balanceOf(reversed, wallet)).toEqual(inr(0));
        expect(post(reversed, [reversal]).transfers.size).toBe(2);
    });
});
describe("ledger properties", () => {
    const users = ["u1", "u2", "u3"];
    const accounts = [...users.map(walletAccount), ...Object.values(PLATFORM_ACCOUNTS)];
    const transfer = fc.record({
        id: fc.integer({ min: 1, max: 30 }).map((n) => `t${n}`),
        debit: fc.constantFrom(...accounts),
        credit: fc.constantFrom(...accounts),
        minor: fc.integer({ min: -5, max: 5000 }),
    });
    const batches = fc.array(fc.array(transfer, { minLength: 1, maxLength: 4 }), { maxLength: 25 });
    it("keep debits = credits, no negative wallet, balances = sum of transfers, replays change nothing", () => {
        fc.assert(fc.property(batches, (raw) => {
            let state = emptyLedger("INR");
            for (const batch of raw) {
                const transfers = batch.map((t) => makeTransfer({ id: t.id, debit: t.debit, credit: t.credit, amount: inr(t.minor), kind: "adjustment", reference: "prop" }));
                const result = postBatch(state, transfers);
                if (!result.ok)
                    continue;
                const before = state;
                state = result.value.state;
                expect(state.transfers.size).toBe(before.transfers.size + result.value.posted.length);
                expect([...state.balances.values()].reduce((a, b) => a + b, 0)).toBe(0);
                for (const [account, balance] of state.balances)
                    if (isWalletAccount(account))
                        expect(balance).toBeGreaterThanOrEqual(0);
                expect(deriveBalances(state.transfers.values())).toEqual(state.balances);
                const replay = postBatch(state, [...state.transfers.values()]);
                expect(replay.ok && replay.value.posted).toEqual([]);
                expect(replay.ok && replay.value.state.balances).toEqual(state.balances);
            }
        }));
    });
});
//# sourceMappingURL=ledger.test.js.map