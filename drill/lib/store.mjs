/**
 * The drill's own reads of the shop's database, straight from the engine — the SQLite file opened
 * read-only through better-sqlite3, or the MongoDB collections through the driver — never through
 * the API. Both engines answer in one shape (SQLite's column names, an order's details as JSON), so
 * the checks are written once. Each read is what a check needs; nothing here writes.
 */
import { load } from "../../bench/lib/scale.mjs";
import { requireFromDb } from "./deps.mjs";

const Database = requireFromDb("better-sqlite3");

/**
 * @typedef {{ id: string; user_id: string; status: string; payment_method: string; total_minor: number; idempotency_key: string; details: any }} OrderRow
 * @typedef {{
 *   orders(): Promise<OrderRow[]>;
 *   variants(): Promise<{ id: string; sku: string; on_hand: number; reserved: number }[]>;
 *   transfers(): Promise<{ id: string; kind: string; reference: string; debit_account: string; credit_account: string; amount_minor: number }[]>;
 *   walletBalances(): Promise<Map<string, number>>;
 *   userEmails(): Promise<Map<string, string>>;
 *   emailOutbox(): Promise<{ id: string; status: string }[]>;
 *   unsentOutbox(): Promise<number>;
 *   webhookEvents(): Promise<{ id: string; status: string; processed: boolean; attempts: number; last_error: string | null }[]>;
 *   cartsPerOwner(): Promise<{ owner: string; carts: number }[]>;
 *   topUps(): Promise<{ user_id: string; key: string; intent_id: string; open: boolean }[]>;
 *   auditActions(actorId: string): Promise<{ action: string; target_id: string }[]>;
 *   dropDatabase?(): Promise<void>;
 *   close(): Promise<void>;
 * }} ShopStore
 */

/** @returns {ShopStore} */
export function sqliteStore(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const all = (sql, ...params) => Promise.resolve(db.prepare(sql).all(...params));
  return {
    orders: async () => {
      // Details are stored compact (decision record 134): the adapter's own reader gives back their JSON.
      const { unpackJsonText } = await load("@bbscart/db");
      return (await all("SELECT id, user_id, status, payment_method, total_minor, idempotency_key, details FROM orders")).map((row) => ({ ...row, details: JSON.parse(unpackJsonText(row.details)) }));
    },
    variants: () => all("SELECT id, sku, on_hand, reserved FROM variants"),
    transfers: () => all("SELECT id, kind, reference, debit_account, credit_account, amount_minor FROM ledger_transfers"),
    walletBalances: async () => new Map((await all("SELECT account, balance_minor FROM ledger_balances WHERE account LIKE 'wallet:%'")).map((b) => [b.account, b.balance_minor])),
    userEmails: async () => new Map((await all("SELECT id, email FROM users")).map((u) => [u.id, u.email])),
    emailOutbox: () => all("SELECT id, status FROM outbox WHERE channel = 'email'"),
    unsentOutbox: async () => (await all("SELECT COUNT(*) AS n FROM outbox WHERE status != 'sent'"))[0].n,
    webhookEvents: async () =>
      (await all("SELECT id, status, processed_at, attempts, last_error FROM webhook_events")).map((r) => ({ ...r, processed: r.status === "processed" && r.processed_at !== null })),
    cartsPerOwner: () =>
      all(
        `SELECT owner, COUNT(*) AS carts FROM (SELECT COALESCE('user:' || user_id, 'guest:' || guest_id) AS owner FROM carts) GROUP BY owner HAVING COUNT(*) > 1`,
      ),
    topUps: async () =>
      (await all("SELECT user_id, key, result_id, open_since FROM idempotency_keys WHERE scope = 'wallet_top_up'")).map((r) => ({
        user_id: r.user_id,
        key: r.key,
        intent_id: r.result_id,
        open: r.open_since !== null,
      })),
    auditActions: async (actorId) => {
      // The audit log keeps UUIDs in 16 bytes (decision record 135): the adapter's own conversions read it.
      const { idFromSql, idToSql } = await load("@bbscart/db");
      return (await all("SELECT action, target_id FROM audit_log WHERE actor_id = ?", idToSql(actorId))).map((a) => ({ action: a.action, target_id: idFromSql(a.target_id) }));
    },
    close: async () => db.close(),
  };
}

/** @returns {Promise<ShopStore>} */
export async function mongoStore(uri) {
  const mongoose = requireFromDb("mongoose");
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  const collection = (name) => connection.db.collection(name);
  /**
   * @param {string} name
   * @param {Record<string, unknown>} [filter]
   * @param {Record<string, number>} [projection]
   */
  const find = (name, filter = {}, projection = {}) => collection(name).find(filter, { projection }).toArray();
  return {
    // An order is one document holding what SQLite keeps in its `details` JSON (ADR 025).
    orders: async () =>
      (await find("orders")).map((doc) => ({
        id: doc._id,
        user_id: doc.userId,
        status: doc.status,
        payment_method: doc.payment.method,
        total_minor: doc.total.minor,
        idempotency_key: doc.idempotencyKey,
        details: doc,
      })),
    variants: async () => (await find("variants", {}, { sku: 1, onHand: 1, reserved: 1 })).map((v) => ({ id: v._id, sku: v.sku, on_hand: v.onHand, reserved: v.reserved })),
    transfers: async () =>
      (await find("ledger_transfers")).map((t) => ({ id: t._id, kind: t.kind, reference: t.reference, debit_account: t.debit, credit_account: t.credit, amount_minor: t.amount.minor })),
    // Wallets have a floor, so each is one balance document (only floorless platform accounts are bucketed, ADR 082).
    walletBalances: async () => new Map((await find("ledger_balances", { account: { $regex: "^wallet:" } })).map((b) => [b.account, b.minor])),
    userEmails: async () => new Map((await find("users", {}, { email: 1 })).map((u) => [u._id, u.email])),
    emailOutbox: async () => (await find("outbox", { channel: "email" }, { status: 1 })).map((m) => ({ id: m._id, status: m.status })),
    unsentOutbox: () => collection("outbox").countDocuments({ status: { $ne: "sent" } }),
    webhookEvents: async () =>
      (await find("webhook_events")).map((e) => ({ id: e._id, status: e.status, processed: e.status === "processed" && e.processedAt !== null, attempts: e.attempts, last_error: e.lastError })),
    cartsPerOwner: async () => {
      const counts = new Map();
      for (const cart of await find("carts", {}, { userId: 1, guestId: 1 })) {
        const owner = cart.userId ? `user:${cart.userId}` : `guest:${cart.guestId}`;
        counts.set(owner, (counts.get(owner) ?? 0) + 1);
      }
      return [...counts].filter(([, n]) => n > 1).map(([owner, carts]) => ({ owner, carts }));
    },
    topUps: async () =>
      (await find("idempotency_keys", { scope: "wallet_top_up" })).map((r) => ({ user_id: r.userId, key: r.key, intent_id: r.resultId, open: r.openSince instanceof Date })),
    auditActions: async (actorId) => (await find("audit_log", { actorId }, { action: 1, targetId: 1 })).map((a) => ({ action: a.action, target_id: a.targetId })),
    /** The run's own database, once the checks read it. */
    dropDatabase: async () => {
      await connection.dropDatabase();
    },
    close: () => connection.close(),
  };
}

/** The store of the run's engine: `{ engine: "sqlite", file }` or `{ engine: "mongo", uri }`. */
export function openStore(target) {
  return target.engine === "mongo" ? mongoStore(target.uri) : Promise.resolve(sqliteStore(target.file));
}
