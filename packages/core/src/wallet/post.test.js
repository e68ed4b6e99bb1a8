import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "../money/money.js";
import { DuplicateKeyError } from "../ports/errors.js";
import { inr, makeTransfer } from "../testing/builders.js";
import { PLATFORM_ACCOUNTS, walletAccount } from "./accounts.js";
import { deriveBalances, emptyLedger, postBatch } from "./ledger.js";
import { postTransfers } from "./post.js";
/** The smallest honest adapter: a map of transfers and a map of cached balances, guarded like the SQL. */
function memoryLedger() {
    const transfers = new Map();
    const balances = new Map();
    const debit = (account, amount, floor) => {
        const balance = balances.get(account) ?? 0;
        if (floor !== null && balance - amount.minor < floor)
            return false;
        balances.set(account, balance - amount.minor);
        return true;
    };
    const append = (t) => {
        if (transfers.has(t.id))
            throw new DuplicateKeyError("ledger_transfers.id");
        transfers.set(t.id, t);
    };
    const repo = {
        findTransfer: (id) => Promise.resolve(transfers.get(id) ?? null),
        append: (t) => Promise.resolve(append(t)),
        debitIfSufficient: (account, amount, floor) => Promise.resolve(debit(account, amount, floor)),
        credit: (account, amount) => Promise.resolve(void balances.set(account, (balances.get(account) ?? 0) + amount.minor)),
        balance: (account, currency) => Promise.resolve(money(balances.get(account) ?? 0, currency)),
        derivedBalance: (account, currency) => Promise.resolve(money(deriveBalances(transfers.values()).get(account) ?? 0, currency)),
        statement: () => Promise.resolve({ items: [...transfers.values()], nextCursor: null }),
        byReference: (reference) => Promise.resolve([...transfers.values()].filter((t) => t.reference === reference)),
    };
    return { repo, transfers, balances };
}
const wallet = walletAccount("u1");
describe("postTransfers through the ledger port", () => {
    it("posts, moves both balances, and skips replays", async () => {
        const { repo, balances } = memoryLedger();
        const topUp = makeTransfer({ id: "t1", credit: wallet, amount: inr(700) });
        expect(await postTransfers(repo, [topUp], "INR")).toEqual({ ok: true, value: { posted: [topUp], replayed: [] } });
        expect(await postTransfers(repo, [topUp, topUp], "INR")).toEqual({ ok: true, value: { posted: [], replayed: ["t1", "t1"] } });
        expect(balances.get(wallet)).toBe(700);
        expect(balances.get(PLATFORM_ACCOUNTS.cardClearing)).toBe(-700);
    });
    it("reports an overdraft with the current balance and stops", async () => {
        const { repo } = memoryLedger();
        const spend = makeTransfer({ id: "t2", debit: wallet, credit: PLATFORM_ACCOUNTS.sales, amount: inr(1) });
        expect(await postTransfers(repo, [spend], "INR")).toEqual({
            ok: false,
            error: { code: "INSUFFICIENT_FUNDS", account: wallet, balance: inr(0), amount: inr(1) },
        });
    });
    it("refuses malformed transfers and id conflicts, also within one batch", async () => {
        const { repo } = memoryLedger();
        const a = makeTransfer({ id: "t1", amount: inr(5) });
        expect(await postTransfers(repo, [makeTransfer({ amount: inr(0) })], "INR")).toMatchObject({ ok: false, error: { code: "INVALID_TRANSFER" } });
        expect(await postTransfers(repo, [a, { ...a, amount: inr(6) }], "INR")).toEqual({ ok: false, error: { code: "TRANSFER_ID_CONFLICT", transferId: "t1" } });
    });
    it("agrees with the pure model on every batch (property)", async () => {
        const accounts = [wallet, walletAccount("u2"), PLATFORM_ACCOUNTS.sales, PLATFORM_ACCOUNTS.cardClearing];
        const transfer = fc.record({
            id: fc.integer({ min: 1, max: 15 }).map((n) => `t${n}`),
            debit: fc.constantFrom(...accounts),
            credit: fc.constantFrom(...accounts),
            minor: fc.integer({ min: 0, max: 900 }),
        });
        await fc.assert(fc.asyncProperty(fc.array(fc.array(transfer, { minLength: 1, maxLength: 3 }), { maxLength: 15 }), async (raw) => {
            let model = emptyLedger("INR");
            let store = memoryLedger();
            for (const batch of raw) {
                const transfers = batch.map((t) => makeTransfer({ id: t.id, debit: t.debit, credit: t.credit, amount: inr(t.minor) }));
                const expected = postBatch(model, transfers);
                // A unit of work: work on a copy, keep it only if the batch was accepted.
                const attempt = memoryLedger();
                for (const [k, v] of store.transfers)
                    attempt.transfers.set(k, v);
                for (const [k, v] of store.balances)
                    attempt.balances.set(k, v);
                const actual = await postTransfers(attempt.repo, transfers, "INR");
                expect(actual.ok).toBe(expected.ok);
                if (expected.ok) {
                    model = expected.value.state;
                    store = attempt;
                }
                expect(new Map([...store.balances].filter(([, v]) => v !== 0))).toEqual(new Map([...model.balances].filter(([, v]) => v !== 0)));
            }
        }));
    });
});
//# sourceMappingURL=post.test.js.map