import {
  ORDER_NUMBER_PREFIX,
  ORDER_STATUSES,
  dayFormatter,
  money,
  type CouponSales,
  type CustomerOrders,
  type DailyFigures,
  type Order,
  type OrderRepository,
  type OrderStatus,
  type ProductSales,
} from "@bbscart/core";
import type { Connection } from "../connection.js";
import { fromMs, fromMsOrNull, globPrefix, jsonList, toMs, toMsOrNull, type SqlValue } from "../codec.js";
import { packJson, unpackJson } from "../compact.js";
import { foldCustomerOrders } from "../../customer-orders.js";
import { keysetPage } from "../cursor.js";
import type { Executor } from "../executor.js";
import { maintainRollups } from "../rollups.js";
import { LIMIT_BOUND } from "../limit.js";

/** The nested parts of an order: read and written whole, never filtered on. */
type OrderDetails = Pick<
  Order,
  "lines" | "deliveryOptionId" | "address" | "buyer" | "payment" | "tracking" | "returns" | "cancelReason" | "deliveredAt" | "history"
> &
  // Optional: orders stored before guest checkout (ADR 141) have neither.
  Partial<Pick<Order, "guest" | "couponHolders">>;

interface OrderRow {
  id: string;
  number: string;
  user_id: string | null;
  status: OrderStatus;
  currency: string;
  subtotal_minor: number;
  discount_minor: number;
  delivery_fee_minor: number;
  tax_minor: number;
  total_minor: number;
  coupon_code: string | null;
  idempotency_key: string;
  placed_at: number;
  expires_at: number | null;
  version: number;
  details: Buffer;
}

function toOrder(row: OrderRow): Order {
  const details = unpackJson<OrderDetails>(row.details);
  return {
    id: row.id,
    number: row.number,
    userId: row.user_id,
    guest: details.guest ?? null,
    // Before ADR 141 a coupon was counted for the bare account id alone.
    couponHolders: details.couponHolders ?? (row.coupon_code !== null && row.user_id !== null ? [row.user_id] : []),
    status: row.status,
    currency: row.currency,
    lines: details.lines,
    subtotal: money(row.subtotal_minor, row.currency),
    discount: money(row.discount_minor, row.currency),
    deliveryFee: money(row.delivery_fee_minor, row.currency),
    tax: money(row.tax_minor, row.currency),
    total: money(row.total_minor, row.currency),
    couponCode: row.coupon_code,
    deliveryOptionId: details.deliveryOptionId,
    address: details.address,
    // Only business purchases store a buyer; a consumer order reads back without one, as written.
    ...(details.buyer && { buyer: details.buyer }),
    payment: details.payment,
    tracking: details.tracking,
    returns: details.returns,
    cancelReason: details.cancelReason,
    idempotencyKey: row.idempotency_key,
    placedAt: fromMs(row.placed_at),
    expiresAt: fromMsOrNull(row.expires_at),
    deliveredAt: details.deliveredAt,
    history: details.history,
    version: row.version,
  };
}

/**
 * Every column of an order, as named parameters; payment status, method and intent are copies kept
 * for indexes, captured and refunded amounts for the reports that add them up (the details are
 * stored compact, decision record 134, so SQL cannot reach into them).
 */
function orderParams(order: Order) {
  const details: OrderDetails = {
    lines: order.lines,
    deliveryOptionId: order.deliveryOptionId,
    address: order.address,
    ...(order.buyer && { buyer: order.buyer }),
    payment: order.payment,
    tracking: order.tracking,
    returns: order.returns,
    cancelReason: order.cancelReason,
    deliveredAt: order.deliveredAt,
    history: order.history,
    guest: order.guest,
    couponHolders: order.couponHolders,
  };
  return {
    id: order.id,
    number: order.number,
    phone: order.address.phone,
    user_id: order.userId,
    guest_email: order.guest?.email ?? null,
    status: order.status,
    payment_status: order.payment.status,
    payment_method: order.payment.method,
    payment_intent_id: order.payment.providerIntentId,
    currency: order.currency,
    subtotal_minor: order.subtotal.minor,
    discount_minor: order.discount.minor,
    delivery_fee_minor: order.deliveryFee.minor,
    tax_minor: order.tax.minor,
    total_minor: order.total.minor,
    coupon_code: order.couponCode,
    idempotency_key: order.idempotencyKey,
    placed_at: toMs(order.placedAt),
    expires_at: toMsOrNull(order.expiresAt),
    refund_pending_since: pendingSince(order),
    captured_minor: order.payment.captured.minor,
    refunded_minor: order.payment.refunded.minor,
    version: order.version,
    details: packJson(details),
  };
}

/** The oldest pending refund's time, or null: what reconciliation's partial index holds. */
function pendingSince(order: Order): number | null {
  const pending = order.payment.refunds.filter((refund) => refund.status === "pending").map((refund) => toMs(refund.at));
  return pending.length > 0 ? Math.min(...pending) : null;
}

const COLUMNS = [
  "id", "user_id", "status", "payment_status", "payment_method", "payment_intent_id", "currency", "subtotal_minor",
  "discount_minor", "delivery_fee_minor", "tax_minor", "total_minor", "coupon_code", "idempotency_key", "placed_at",
  "expires_at", "refund_pending_since", "version", "details", "number", "phone", "guest_email", "captured_minor", "refunded_minor",
] as const satisfies ReadonlyArray<keyof ReturnType<typeof orderParams>>;

const INSERT = `INSERT INTO orders (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map((column) => `@${column}`).join(", ")})`;
const SAVE = `UPDATE orders SET ${COLUMNS.filter((column) => column !== "id").map((column) => `${column} = @${column}`).join(", ")}
  WHERE id = @id AND version = @expected_version`;

/**
 * The admin's one search box: an order number (with or without its `BB-`), an order id prefix, a
 * customer's email, or a phone number — the order's delivery phone or the customer's, matched on
 * the digits it ends with, so "98000 00001" finds "+919800000001".
 */
function searchAlternatives(term: string): ReadonlyArray<readonly [string, ...SqlValue[]]> {
  const digits = term.replace(/[\s()+-]/g, "");
  const number = /^\d+$/.test(term) ? `${ORDER_NUMBER_PREFIX}${term}` : term.toUpperCase();
  const byPhone: ReadonlyArray<readonly [string, ...SqlValue[]]> = /^\d{6,15}$/.test(digits)
    ? [
        ["phone GLOB ?", `*${digits}`],
        ["user_id IN (SELECT id FROM users WHERE phone GLOB ?)", `*${digits}`],
      ]
    : [];
  return [["number = ?", number], ["id GLOB ?", globPrefix(term)], ["user_id IN (SELECT id FROM users WHERE email GLOB ?)", globPrefix(term.toLowerCase())], ...byPhone];
}

const list = (rows: unknown[]) => (rows as OrderRow[]).map(toOrder);

/** Every order placed in [`from`, `to`) (epoch ms), through the `placed_at` index: what a rollup rebuild batch recounts. */
export function ordersPlacedIn(c: Connection, from: number, to: number): Order[] {
  return list(c.prepare("SELECT * FROM orders WHERE placed_at >= ? AND placed_at < ?").all(from, to));
}

/** Days × currencies of paid orders, added up as they come: the day is the store's, so SQLite's UTC-offset dates cannot do it. */
function figuresByDay(
  rows: Iterable<{ placedAt: Date; currency: string; capturedMinor: number; refundedMinor: number }>,
  timeZone: string,
): DailyFigures[] {
  // SQLite knows only UTC offsets, so the store's day is formatted here.
  const formatter = dayFormatter(timeZone);
  const day = (at: Date) => formatter.format(at);
  const byKey = new Map<string, { day: string; currency: string; orders: number; gross: number; refunds: number }>();
  for (const row of rows) {
    if (row.capturedMinor <= 0) continue;
    const key = `${day(row.placedAt)}|${row.currency}`;
    const seen = byKey.get(key) ?? { day: day(row.placedAt), currency: row.currency, orders: 0, gross: 0, refunds: 0 };
    byKey.set(key, { ...seen, orders: seen.orders + 1, gross: seen.gross + row.capturedMinor, refunds: seen.refunds + row.refundedMinor });
  }
  return [...byKey.values()].map((v) => ({ day: v.day, currency: v.currency, orders: v.orders, gross: money(v.gross, v.currency), refunds: money(v.refunds, v.currency) }));
}

/** Paid orders of the period through the `placed_at` index, with their captured and refunded amounts. */
function salesFigures(connection: Connection, query: { readonly from: Date; readonly to: Date; readonly timeZone: string }): DailyFigures[] {
  const rows = connection
    .prepare(
      `SELECT placed_at, currency, captured_minor AS captured, refunded_minor AS refunded
       FROM orders WHERE placed_at >= ? AND placed_at < ? ORDER BY placed_at`,
    )
    .all(toMs(query.from), toMs(query.to)) as Array<{ placed_at: number; currency: string; captured: number; refunded: number }>;
  return figuresByDay(
    rows.map((row) => ({ placedAt: fromMs(row.placed_at), currency: row.currency, capturedMinor: row.captured, refundedMinor: row.refunded })),
    query.timeZone,
  );
}

/** Paid orders per coupon and currency, through the partial `orders_coupon` index. */
function couponSales(connection: Connection, codes: readonly string[]): CouponSales[] {
  if (codes.length === 0) return [];
  const rows = connection
    .prepare(
      `SELECT coupon_code, currency, COUNT(*) AS orders, SUM(captured) AS gross, SUM(refunded) AS refunds FROM (
         SELECT coupon_code, currency, captured_minor AS captured, refunded_minor AS refunded
         FROM orders WHERE coupon_code IN (${codes.map(() => "?").join(", ")})
       ) WHERE captured > 0
       GROUP BY coupon_code, currency ORDER BY coupon_code, currency`,
    )
    .all(...codes) as Array<{ coupon_code: string; currency: string; orders: number; gross: number; refunds: number }>;
  return rows.map((row) => ({ code: row.coupon_code, currency: row.currency, orders: row.orders, gross: money(row.gross, row.currency), refunds: money(row.refunds, row.currency) }));
}

/**
 * A page of customers' orders through `orders_user_placed` (each customer's own rows only), one
 * row per customer and currency, folded into one per customer.
 */
function customerOrders(connection: Connection, userIds: readonly string[]): CustomerOrders[] {
  if (userIds.length === 0) return [];
  const rows = connection
    .prepare(
      `SELECT user_id, currency, COUNT(*) AS orders, MAX(placed_at) AS last_at,
              SUM(CASE WHEN captured > 0 THEN captured - refunded ELSE 0 END) AS spent, SUM(captured > 0) AS paid FROM (
         SELECT user_id, currency, placed_at, captured_minor AS captured, refunded_minor AS refunded
         FROM orders WHERE user_id IN (${userIds.map(() => "?").join(", ")})
       ) GROUP BY user_id, currency ORDER BY user_id, currency`,
    )
    .all(...userIds) as Array<{ user_id: string; currency: string; orders: number; last_at: number; spent: number; paid: number }>;
  return foldCustomerOrders(rows.map((row) => ({ userId: row.user_id, currency: row.currency, orders: row.orders, lastOrderAt: fromMs(row.last_at), spentMinor: row.spent, paid: row.paid })));
}

/**
 * Best sellers of the period, from the lines of its orders (through the `placed_at` index). The
 * dashboard reads its rollups; this is its answer while they are being rebuilt (decision record
 * 132), so reading each order's lines is acceptable, and no table copies every line for it
 * (decision record 135). The `limit` best are named from the catalog; a product gone from it drops out.
 */
function topProducts(connection: Connection, query: Parameters<OrderRepository["topProducts"]>[0]): ProductSales[] {
  const rows = connection
    .prepare("SELECT details FROM orders WHERE placed_at >= ? AND placed_at < ? AND status <> 'cancelled' AND currency = ?")
    .all(toMs(query.from), toMs(query.to), query.currency) as Array<Pick<OrderRow, "details">>;
  const sold = new Map<string, { quantity: number; revenue: number }>();
  for (const row of rows) {
    for (const line of unpackJson<Pick<OrderDetails, "lines">>(row.details).lines) {
      const seen = sold.get(line.productId) ?? { quantity: 0, revenue: 0 };
      sold.set(line.productId, { quantity: seen.quantity + line.quantity, revenue: seen.revenue + line.total.minor });
    }
  }
  const best = [...sold]
    .sort(([a, x], [b, y]) => y.quantity - x.quantity || y.revenue - x.revenue || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, query.limit);
  const names = new Map(
    (connection.prepare("SELECT id, name FROM products WHERE id IN (SELECT value FROM json_each(?))").all(jsonList(best.map(([id]) => id))) as Array<{ id: string; name: string }>).map(
      (product) => [product.id, product.name],
    ),
  );
  return best.flatMap(([productId, { quantity, revenue }]) => {
    const name = names.get(productId);
    return name === undefined ? [] : [{ productId, name, quantity, revenue: money(revenue, query.currency) }];
  });
}

export function sqliteOrders(ex: Executor): OrderRepository {
  return {
    create: (order) =>
      ex.write((c) => {
        c.prepare(INSERT).run(orderParams(order));
        maintainRollups(c, null, order);
      }),
    findById: (id) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM orders WHERE id = ?").get(id) as OrderRow | undefined;
        return row ? toOrder(row) : null;
      }),
    // Compare-and-set on the version in the WHERE clause. The stored order is read first, in the
    // same write, for what the rollups held of it.
    save: (order, expectedVersion) =>
      ex.write((c) => {
        const before = c.prepare("SELECT * FROM orders WHERE id = ? AND version = ?").get(order.id, expectedVersion) as OrderRow | undefined;
        if (!before || c.prepare(SAVE).run({ ...orderParams(order), expected_version: expectedVersion }).changes !== 1) return false;
        maintainRollups(c, toOrder(before), order);
        return true;
      }),
    nextNumber: () =>
      ex.writeStatement(
        (c) =>
          (
            c
              .prepare("INSERT INTO counters (name, value) VALUES ('order_number', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value")
              .get() as { value: number }
          ).value,
      ),
    findByPaymentIntent: (intentId) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM orders WHERE payment_intent_id = ? ORDER BY placed_at DESC, id DESC LIMIT 1").get(intentId) as
          | OrderRow
          | undefined;
        return row ? toOrder(row) : null;
      }),
    findByNumber: (number) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM orders WHERE number = ?").get(number) as OrderRow | undefined;
        return row ? toOrder(row) : null;
      }),
    findUnclaimedGuestOrders: (email) =>
      ex.read((c) =>
        (c.prepare("SELECT * FROM orders WHERE guest_email = ? AND user_id IS NULL ORDER BY placed_at, id").all(email) as OrderRow[]).map(toOrder),
      ),
    listForUser: (userId, page) =>
      ex.read((c) =>
        keysetPage(c, {
          columns: "*",
          from: "orders",
          where: [["user_id = ?", userId]],
          keys: ["placed_at", "id"],
          direction: "DESC",
          sort: "orders",
          page,
          map: toOrder,
        }),
      ),
    list: (query) =>
      ex.read((c) =>
        keysetPage(c, {
          columns: "*",
          from: "orders",
          where: [
            ...(query.status ? [["status = ?", query.status] as const] : []),
            ...(query.statuses ? [[`status IN (${query.statuses.map(() => "?").join(", ") || "NULL"})`, ...query.statuses] as const] : []),
            ...(query.paymentStatus ? [["payment_status = ?", query.paymentStatus] as const] : []),
            ...(query.paymentMethod ? [["payment_method = ?", query.paymentMethod] as const] : []),
            ...(query.userId !== null ? [["user_id = ?", query.userId] as const] : []),
            ...(query.placedFrom !== null ? [["placed_at >= ?", toMs(query.placedFrom)] as const] : []),
            ...(query.placedTo !== null ? [["placed_at < ?", toMs(query.placedTo)] as const] : []),
          ],
          ...(query.search ? { anyOf: searchAlternatives(query.search.trim()) } : {}),
          keys: ["placed_at", "id"],
          direction: "DESC",
          sort: "orders",
          page: query,
          map: toOrder,
        }),
      ),
    findExpired: (now, limit) =>
      ex.read((c) =>
        list(
          c
            .prepare(`SELECT * FROM orders WHERE status = 'pending_payment' AND expires_at <= ? ORDER BY expires_at, id ${LIMIT_BOUND}`)
            .all(toMs(now), limit),
        ),
      ),
    findAwaitingPayment: (placedBefore, limit) =>
      ex.read((c) =>
        list(
          c
            .prepare(
              `SELECT * FROM orders WHERE status = 'pending_payment' AND payment_method = 'card' AND payment_intent_id IS NOT NULL
               AND placed_at < ? ORDER BY placed_at, id ${LIMIT_BOUND}`,
            )
            .all(toMs(placedBefore), limit),
        ),
      ),
    findWithPendingRefunds: (requestedBefore, limit) =>
      ex.read((c) =>
        list(
          c
            .prepare(`SELECT * FROM orders WHERE refund_pending_since IS NOT NULL AND refund_pending_since < ? ORDER BY placed_at, id ${LIMIT_BOUND}`)
            .all(toMs(requestedBefore), limit),
        ),
      ),
    countByStatus: () =>
      ex.read((c) => {
        const counts = Object.fromEntries(ORDER_STATUSES.map((status) => [status, 0])) as Record<OrderStatus, number>;
        // Kept by migration 024's triggers: O(statuses), not O(orders).
        const rows = c.prepare("SELECT status, orders AS n FROM order_status_counts").all() as Array<{ status: OrderStatus; n: number }>;
        for (const row of rows) counts[row.status] = row.n;
        return counts;
      }),
    salesFigures: (query) => ex.read((c) => salesFigures(c, query)),
    topProducts: (query) => ex.read((c) => topProducts(c, query)),
    couponSales: (codes) => ex.read((c) => couponSales(c, codes)),
    customerOrders: (userIds) => ex.read((c) => customerOrders(c, userIds)),
  };
}
