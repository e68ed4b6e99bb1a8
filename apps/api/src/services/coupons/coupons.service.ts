import { checkCouponEdit, couponStatus, money, netOf, type Coupon, type CouponDiscount, type CouponPatch, type CouponSales, type Repositories } from "@bbscart/core";
import type { couponCodeInput, couponCreateInput, couponDiscountInput, couponListInput, couponUpdateInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { type AdminCall, auditAs, type CatalogDeps, loadSettings, notFound, refused } from "../common/index.js";

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
  description: coupon.description,
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
  version: coupon.version,
});

/** One currency's paid orders that used the coupon, with the net the dashboard would show for them. */
const salesRow = ({ currency, orders, gross, refunds }: CouponSales) => ({ currency, orders, gross, refunds, net: netOf({ gross, refunds }) });

type CouponChanges = Omit<z.output<typeof couponUpdateInput>, "code" | "expectedVersion">;

/**
 * Coupons, admin side: rules and limits, with how often each was used and what its paid orders
 * brought in. Limits are enforced at checkout by the guarded redemption counter; here they are
 * only set, never below the redemptions already made.
 */
export function couponsService({ db, clock, ids }: Pick<CatalogDeps, "db" | "clock" | "ids">) {
  const record = auditAs(clock, ids);

  /** Each coupon with its status now (core's `couponStatus`) and its paid orders by currency. */
  async function present(repos: Repositories, coupons: readonly Coupon[]) {
    const sales = await repos.orders.couponSales(coupons.map((coupon) => coupon.code));
    const now = clock.now();
    return coupons.map((coupon) => ({ ...coupon, status: couponStatus(coupon, now), sales: sales.filter((row) => row.code === coupon.code).map(salesRow) }));
  }

  /**
   * One audited edit. With `expectedVersion` the edit applies only to the version it was made
   * from; the adapter re-checks that and the total limit in its write, so a redemption or edit
   * committed meanwhile turns into the same refusal the core gives.
   */
  async function change(call: AdminCall, code: string, changes: CouponChanges, action: string, expectedVersion?: number) {
    const { discount, minOrderMinor, ...fields } = changes;
    return db.uow.run(async (repos) => {
      const before = await repos.coupons.findByCode(code);
      if (!before) throw notFound("Coupon");
      const edit = (coupon: Coupon) => ({
        expectedVersion: expectedVersion ?? coupon.version,
        usageLimit: fields.usageLimit === undefined ? coupon.usageLimit : fields.usageLimit,
        startsAt: fields.startsAt === undefined ? coupon.startsAt : fields.startsAt,
        expiresAt: fields.expiresAt === undefined ? coupon.expiresAt : fields.expiresAt,
      });
      const checked = checkCouponEdit(before, edit(before));
      if (!checked.ok) throw refused(checked.error);
      const { currency } = await loadSettings(repos);
      const patch: CouponPatch = {
        ...fields,
        ...(discount ? { discount: discountOf(discount, currency) } : {}),
        ...(minOrderMinor === undefined ? {} : { minOrder: orNull(minOrderMinor, currency) }),
      };
      const after = await repos.coupons.update(code, patch, expectedVersion);
      if (!after) {
        const current = await repos.coupons.findByCode(code);
        if (!current) throw notFound("Coupon");
        const again = checkCouponEdit(current, edit(current));
        throw refused(again.ok ? { code: "COUPON_CHANGED", version: current.version } : again.error);
      }
      await record(repos, call, { action, targetType: "coupon", targetId: code, before: couponSnapshot(before), after: couponSnapshot(after) });
      const [presented] = await present(repos, [after]);
      if (!presented) throw new Error(`coupon ${code} vanished while being presented`);
      return presented;
    });
  }

  return {
    /** As the adapter pages them, each with its status now, its redemptions (`usedCount`) and the revenue of its paid orders. */
    async listCoupons(input: z.output<typeof couponListInput>) {
      const page = await db.repos.coupons.list(input);
      return { ...page, items: await present(db.repos, page.items) };
    },

    async createCoupon(call: AdminCall, input: z.output<typeof couponCreateInput>) {
      return db.uow.run(async (repos) => {
        const { currency } = await loadSettings(repos);
        const coupon: Coupon = {
          code: input.code,
          description: input.description,
          active: input.active,
          minOrder: orNull(input.minOrderMinor, currency),
          startsAt: input.startsAt,
          expiresAt: input.expiresAt,
          usageLimit: input.usageLimit,
          perCustomerLimit: input.perCustomerLimit,
          usedCount: 0,
          version: 1,
          ...discountOf(input, currency),
        };
        await repos.coupons.create(coupon);
        await record(repos, call, { action: "coupon.create", targetType: "coupon", targetId: coupon.code, before: null, after: couponSnapshot(coupon) });
        return coupon;
      });
    },

    /** An edit of any rule but the code (orders and redemptions name the coupon by it), from the version the admin saw. */
    updateCoupon: (call: AdminCall, { code, expectedVersion, ...changes }: z.output<typeof couponUpdateInput>) =>
      change(call, code, changes, "coupon.update", expectedVersion),

    /** Stops new redemptions, whatever the version; orders that already used it keep their discount. */
    deactivateCoupon: (call: AdminCall, input: z.output<typeof couponCodeInput>) => change(call, input.code, { active: false }, "coupon.deactivate"),
  };
}

export type CouponsService = ReturnType<typeof couponsService>;
