import { walletAccount } from "@bbscart/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totp } from "../src/auth/totp.js";
import { createAccount, type TestAccount } from "./accounts.js";
import { startApp, type RunningApp } from "./harness.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

interface Statement {
  balance: { minor: number };
  entries: { id: string; kind: string; memo: string | null; change: { minor: number }; balanceAfter: { minor: number } }[];
  nextCursor: string | null;
}

describe("wallet over HTTP", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let admin: TestAccount;
  let shopper: TestAccount;
  let keys = 0;

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    admin = await createAccount(app, { role: "admin", permissions: ["wallet.adjust"] });
    shopper = await createAccount(app);
  });
  afterAll(() => app.close());

  const adjust = (input: Record<string, unknown>, token = admin.token) =>
    call(app.url, "admin.wallet.adjust", { idempotencyKey: `adjust-key-${++keys}`, reason: "goodwill gesture", ...input }, { token });
  const balance = async (user: TestAccount) => ((await call(app.url, "wallet.balance", undefined, { token: user.token })).data as { balance: { minor: number } }).balance.minor;
  const auditCount = async (userId: string) =>
    (await app.db.repos.audit.list({ cursor: null, limit: 100, actorId: null, action: "wallet.adjust", targetType: "user", targetId: userId, from: null, to: null })).items.length;

  it("credits and debits with a reason, shows a statement newest first with a running balance, and the cached balance matches the ledger", async () => {
    const owner = await createAccount(app);
    const moves = [50_000, -12_000, 7_500, -45_000, 30_000];
    for (const amountMinor of moves) expect((await adjust({ userId: owner.user.id, amountMinor })).error).toBeUndefined();
    const expected = moves.reduce((sum, m) => sum + m, 0);
    expect(await balance(owner)).toBe(expected);
    expect(await app.db.repos.ledger.derivedBalance(walletAccount(owner.user.id), "INR")).toEqual({ minor: expected, currency: "INR" });

    const entries: Statement["entries"] = [];
    let cursor: string | null = null;
    do {
      const page: Statement = (await call(app.url, "wallet.statement", { limit: 2, cursor }, { token: owner.token })).data as Statement;
      entries.push(...page.entries);
      cursor = page.nextCursor;
    } while (cursor);
    expect(entries.map((e) => e.change.minor)).toEqual([...moves].reverse());
    // Newest first: each entry's balance is the one before it minus that entry's change, down to zero.
    let running = expected;
    for (const entry of entries) {
      expect(entry.balanceAfter.minor).toBe(running);
      running -= entry.change.minor;
    }
    expect(running).toBe(0);
    expect(entries[0]).toMatchObject({ kind: "adjustment", memo: "goodwill gesture" });

    const asAdmin = (await call(app.url, "admin.wallet.statement", { userId: owner.user.id, limit: 10 }, { token: admin.token })).data as Statement;
    expect(asAdmin.entries.map((e) => e.balanceAfter.minor)).toEqual(entries.map((e) => e.balanceAfter.minor));
    expect(await auditCount(owner.user.id)).toBe(moves.length);
    const forged = await call(app.url, "wallet.statement", { cursor: "not-a-cursor" }, { token: owner.token });
    expect(forged.error?.data.fieldErrors).toEqual([{ path: "cursor", message: "Page marker is not one this statement gave; start from the first page" }]);
  });

  it("refuses a debit below zero, naming amountMinor, and writes nothing", async () => {
    const owner = await createAccount(app);
    await adjust({ userId: owner.user.id, amountMinor: 1_000 });
    const refused = await adjust({ userId: owner.user.id, amountMinor: -1_001 });
    expect(refused.status).toBe(400);
    expect(refused.error?.data).toMatchObject({ reason: "INSUFFICIENT_FUNDS", fieldErrors: [{ path: "amountMinor" }] });
    expect(await balance(owner)).toBe(1_000);
    expect((await app.db.repos.ledger.statement(walletAccount(owner.user.id), { cursor: null, limit: 10 })).items).toHaveLength(1);
    expect(await auditCount(owner.user.id)).toBe(1);
  });

  it("applies a repeated request once and refuses the same key for a different adjustment", async () => {
    const owner = await createAccount(app);
    const input = { userId: owner.user.id, amountMinor: 2_500, idempotencyKey: "double-submit-1" };
    const [a, b] = await Promise.all([adjust(input), adjust(input)]);
    expect([a.data, b.data]).toEqual(expect.arrayContaining([expect.objectContaining({ replayed: false }), expect.objectContaining({ replayed: true })]));
    expect(await balance(owner)).toBe(2_500);
    expect(await auditCount(owner.user.id)).toBe(1);
    const reused = await adjust({ ...input, amountMinor: 9_000 });
    expect(reused.error?.data).toMatchObject({ code: "CONFLICT", fieldErrors: [{ path: "idempotencyKey" }] });
  });

  it("requires a reason, a known user, and a current code from an admin who enrolled a second factor", async () => {
    expect((await adjust({ userId: shopper.user.id, amountMinor: 100, reason: "" })).error?.data.fieldErrors).toEqual([
      { path: "reason", message: "Reason must be at least 5 characters" },
    ]);
    expect((await adjust({ userId: "nobody", amountMinor: 100 })).error?.data.code).toBe("NOT_FOUND");
    expect((await call(app.url, "admin.wallet.statement", { userId: "nobody" }, { token: admin.token })).error?.data.code).toBe("NOT_FOUND");

    const careful = await createAccount(app, { role: "admin", permissions: ["wallet.adjust"] });
    const secret = totp.newSecret();
    await app.db.uow.run((repos) => repos.users.update(careful.user.id, { totp: { secret, confirmedAt: new Date(), lastStep: null, recoveryCodes: [] }, updatedAt: new Date() }));
    const without = await adjust({ userId: shopper.user.id, amountMinor: 100 }, careful.token);
    expect(without.error?.data).toMatchObject({ code: "FORBIDDEN", reason: "TOTP_REQUIRED" });
    expect(await balance(shopper)).toBe(0);
    const withCode = await adjust({ userId: shopper.user.id, amountMinor: 100, totpCode: await totp.codeAt(secret, new Date()) }, careful.token);
    expect(withCode.data).toMatchObject({ balance: { minor: 100 }, replayed: false });
  });

  it("shows each shopper only their own wallet", async () => {
    const other = await createAccount(app);
    await adjust({ userId: other.user.id, amountMinor: 4_200 });
    const mine = (await call(app.url, "wallet.statement", {}, { token: shopper.token })).data as Statement;
    expect(mine.entries.every((e) => !e.id.includes(other.user.id))).toBe(true);
    expect(await balance(other)).toBe(4_200);
  });
});
