import { money, type Coupon, type CouponDiscount, type CouponKind, type CouponPatch, type CouponRepository, type Money } from "@bbscart/core";
import { fromFlag, fromMsOrNull, toFlag, toMsOrNull, type SqlValue } from "../codec.js";
import { keysetPage } from "../cursor.js";
import type { Executor } from "../executor.js";
import { patchAssignments, type PatchEncoders } from "./patch.js";

interface CouponRow {
  code: string;
  description: string | null;
  kind: CouponKind;
  percent_bp: number | null;
  value_minor: number | null;
  value_currency: string | null;
  active: number;
  min_order_minor: number | null;
  min_order_currency: string | null;
  starts_at: number | null;
  expires_at: number | null;
  usage_limit: number | null;
  used_count: number;
  per_customer_limit: number | null;
  version: number;
}

const moneyOrNull = (minor: number | null, currency: string | null): Money | null =>
  minor === null || currency === null ? null : money(minor, currency);

function toCoupon(row: CouponRow): Coupon {
  const rules = {
    code: row.code,
    description: row.description,
    active: fromFlag(row.active),
    minOrder: moneyOrNull(row.min_order_minor, row.min_order_currency),
    startsAt: fromMsOrNull(row.starts_at),
    expiresAt: fromMsOrNull(row.expires_at),
    usageLimit: row.usage_limit,
    usedCount: row.used_count,
    perCustomerLimit: row.per_customer_limit,
    version: row.version,
  };
  const value = moneyOrNull(row.value_minor, row.value_currency);
  if (row.kind === "percentage") return { ...rules, kind: "percentage", percentBp: row.percent_bp ?? 0, maxDiscount: value };
  if (!value) throw new Error(`coupon ${row.code}: fixed coupon without an amount`);
  return { ...rules, kind: "fixed", amount: value };
}

/** The discount's columns: a percentage coupon's cap and a fixed coupon's amount share the value columns. */
function discountColumns(discount: CouponDiscount) {
  const value = discount.kind === "fixed" ? discount.amount : discount.maxDiscount;
  return {
    kind: discount.kind,
    percent_bp: discount.kind === "percentage" ? discount.percentBp : null,
    value_minor: value?.minor ?? null,
    value_currency: value?.currency ?? null,
  };
}

const encoders: PatchEncoders<CouponPatch> = {
  discount: discountColumns,
  description: (description) => ({ description }),
  active: (active) => ({ active: toFlag(active) }),
  minOrder: (minOrder) => ({ min_order_minor: minOrder?.minor ?? null, min_order_currency: minOrder?.currency ?? null }),
  startsAt: (at) => ({ starts_at: toMsOrNull(at) }),
  expiresAt: (at) => ({ expires_at: toMsOrNull(at) }),
  usageLimit: (limit) => ({ usage_limit: limit }),
  perCustomerLimit: (limit) => ({ per_customer_limit: limit }),
};

export function sqliteCoupons(ex: Executor): CouponRepository {
  return {
    create: (coupon) =>
      ex.write((c) => {
        const discount = discountColumns(coupon);
        c.prepare(
          `INSERT INTO coupons (code, description, kind, percent_bp, value_minor, value_currency, active, min_order_minor, min_order_currency,
             starts_at, expires_at, usage_limit, used_count, per_customer_limit, version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          coupon.code,
          coupon.description,
          discount.kind,
          discount.percent_bp,
          discount.value_minor,
          discount.value_currency,
          toFlag(coupon.active),
          coupon.minOrder?.minor ?? null,
          coupon.minOrder?.currency ?? null,
          toMsOrNull(coupon.startsAt),
          toMsOrNull(coupon.expiresAt),
          coupon.usageLimit,
          coupon.usedCount,
          coupon.perCustomerLimit,
          coupon.version,
        );
      }),
    // The guards sit in the WHERE clause, so they hold against redemptions and edits committed
    // since the caller read the coupon; the limit is compared with the count the row has now.
    update: (code, patch, expectedVersion) =>
      ex.write((c) => {
        const assignments = patchAssignments(patch, encoders);
        const set = [...assignments.map(([name]) => `${name} = ?`), "version = version + 1"].join(", ");
        const guards: Array<readonly [string, SqlValue]> = [];
        if (expectedVersion !== undefined) guards.push(["version = ?", expectedVersion]);
        if (typeof patch.usageLimit === "number") guards.push(["used_count <= ?", patch.usageLimit]);
        const where = ["code = ?", ...guards.map(([clause]) => clause)].join(" AND ");
        const row = c
          .prepare(`UPDATE coupons SET ${set} WHERE ${where} RETURNING *`)
          .get(...assignments.map(([, value]) => value), code, ...guards.map(([, value]) => value)) as CouponRow | undefined;
        return row ? toCoupon(row) : null;
      }),
    findByCode: (code) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM coupons WHERE code = ?").get(code) as CouponRow | undefined;
        return row ? toCoupon(row) : null;
      }),
    list: (page) =>
      ex.read((c) => keysetPage(c, { columns: "*", from: "coupons", where: [], keys: ["code"], direction: "ASC", sort: "coupons", page, map: toCoupon })),
    customerUses: (code, holder) =>
      ex.read((c) => (c.prepare("SELECT uses FROM coupon_redemptions WHERE code = ? AND user_id = ?").get(code, holder) as { uses: number } | undefined)?.uses ?? 0),
    // Both limits are checked in the UPDATE's WHERE clause, under the write lock, together with
    // the counts they guard (the busiest of the customer's holder keys); each holder's row is then
    // bumped in the same savepoint. `coupon_redemptions.user_id` holds the holder key.
    redeemIfAvailable: (code, holders) =>
      ex.write((c) => {
        const keys = JSON.stringify(holders);
        const counted = c
          .prepare(
            `UPDATE coupons SET used_count = used_count + 1
             WHERE code = @code AND (usage_limit IS NULL OR used_count < usage_limit)
               AND (per_customer_limit IS NULL OR per_customer_limit >
                    IFNULL((SELECT MAX(uses) FROM coupon_redemptions WHERE code = @code AND user_id IN (SELECT value FROM json_each(@keys))), 0))`,
          )
          .run({ code, keys });
        if (counted.changes !== 1) return false;
        const bump = c.prepare(
          `INSERT INTO coupon_redemptions (code, user_id, uses) VALUES (?, ?, 1)
           ON CONFLICT (code, user_id) DO UPDATE SET uses = uses + 1`,
        );
        for (const holder of new Set(holders)) bump.run(code, holder);
        return true;
      }),
    // The coupon's total goes back once, and only when the customer held a redemption to give back.
    releaseRedemption: async (code, holders) => {
      await ex.write((c) => {
        const release = c.prepare("UPDATE coupon_redemptions SET uses = uses - 1 WHERE code = ? AND user_id = ? AND uses > 0");
        let released = false;
        for (const holder of new Set(holders)) released = release.run(code, holder).changes === 1 || released;
        if (released) c.prepare("UPDATE coupons SET used_count = used_count - 1 WHERE code = ? AND used_count > 0").run(code);
      });
    },
  };
}
