import { couponStatus, money, type Coupon, type CouponDiscount, type CouponPatch } from "@bbscart/core";
import type { couponCodeInput, couponCreateInput, couponDiscountInput, couponListInput, couponUpdateInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { type AdminCall, AppError, auditAs, type CatalogDeps, loadSettings, notFound } from "../common/index.js";

/** Amounts are entered in minor units of the store currency. */
function discountOf(input: z.output<typeof couponDiscountInput>, currency: string): CouponDiscount {
  return input.kind === "fixed"
    ? { kind: "fixed", amount: money(input.amountMinor, currency) }
    : { kind: "percentage", percentBp: input.percentBp, maxDiscount: input.maxDiscountMinor === null ? null : money(input.maxDiscountMinor, currency) };
}

const orNull = (minor: number | null, currency: string) => (minor === null ? null : money(minor, currency));

/** A coupon as the audit log keeps it (plain JSON). */
const couponSnapshot = (coupon: Coupon) => ({
  code: coupon.code,
  kind: coupon.kind,
  percentBp: coupon.kind === "percentage" ? coupon.percentBp : null,
  maxDiscountMinor: coupon.kind === "percentage" ? (coupon.maxDiscount?.minor ?? null) : null,
  amountMinor: coupon.kind === "fixed" ? coupon.amount.minor : null,
  minOrderMinor: coupon.minOrder?.minor ?? null,
  startsAt: coupon.startsAt?.toISOString() ?? null,
  expiresAt: coupon.expiresAt?.toISOString() ?? null,
  usageLimit: coupon.usageLimit,
  perCustomerLimit: coupon.perCustomerLimit,
  active: coupon.active,
});

/**
 * Coupons, admin side: rules and limits, with how often each was used. Limits are enforced at
 * checkout by the guarded redemption counter; here they are only set.
 */
export function couponsService({ db, clock, ids }: Pick<CatalogDeps, "db" | "clock" | "ids">) {
  const record = auditAs(clock, ids);

  async function update(call: AdminCall, input: z.output<typeof couponUpdateInput>, action: string) {
    const { code, discount, minOrderMinor, ...fields } = input;
    return db.uow.run(async (repos) => {
      const before = await repos.coupons.findByCode(code);
      if (!before) throw notFound("Coupon");
      const startsAt = fields.startsAt === undefined ? before.startsAt : fields.startsAt;
      const expiresAt = fields.expiresAt === undefined ? before.expiresAt : fields.expiresAt;
      if (startsAt && expiresAt && startsAt >= expiresAt) throw new AppError("BAD_REQUEST", "expiresAt must be after startsAt", { field: "expiresAt" });
      const { currency } = await loadSettings(repos);
      const patch: CouponPatch = {
        ...fields,
        ...(discount ? { discount: discountOf(discount, currency) } : {}),
        ...(minOrderMinor === undefined ? {} : { minOrder: orNull(minOrderMinor, currency) }),
      };
      const after = await repos.coupons.update(code, patch);
      if (!after) throw notFound("Coupon");
      await record(repos, call, { action, targetType: "coupon", targetId: code, before: couponSnapshot(before), after: couponSnapshot(after) });
      return after;
    });
  }

  return {
    /** As the adapter pages them, each with its status now (core's `couponStatus`); `usedCount` is its redemptions so far. */
    async listCoupons(input: z.output<typeof couponListInput>) {
      const page = await db.repos.coupons.list(input);
      const now = clock.now();
      return { ...page, items: page.items.map((coupon) => ({ ...coupon, status: couponStatus(coupon, now) })) };
    },

    async createCoupon(call: AdminCall, input: z.output<typeof couponCreateInput>) {
      return db.uow.run(async (repos) => {
        const { currency } = await loadSettings(repos);
        const coupon: Coupon = {
          code: input.code,
          active: input.active,
          minOrder: orNull(input.minOrderMinor, currency),
          startsAt: input.startsAt,
          expiresAt: input.expiresAt,
          usageLimit: input.usageLimit,
          perCustomerLimit: input.perCustomerLimit,
          usedCount: 0,
          ...discountOf(input, currency),
        };
        await repos.coupons.create(coupon);
        await record(repos, call, { action: "coupon.create", targetType: "coupon", targetId: coupon.code, before: null, after: couponSnapshot(coupon) });
        return coupon;
      });
    },

    updateCoupon: (call: AdminCall, input: z.output<typeof couponUpdateInput>) => update(call, input, "coupon.update"),

    /** Stops new redemptions; orders that already used it keep their discount. */
    deactivateCoupon: (call: AdminCall, input: z.output<typeof couponCodeInput>) => update(call, { ...input, active: false }, "coupon.deactivate"),
  };
}

export type CouponsService = ReturnType<typeof couponsService>;
