import { COUPON_STATUSES } from "@bbscart/core";
import { z } from "zod";
import { at, moneyOutput, nextCursor } from "./shared.js";

const rules = {
  code: z.string().meta({ description: "Upper-case and unique; never changes (orders and redemptions name the coupon by it)." }),
  description: z.string().nullable(),
  active: z.boolean().meta({ description: "The admin's switch; `status` says whether the coupon applies now." }),
  minOrder: moneyOutput.nullable(),
  startsAt: at("From when it applies; null = from its creation.").nullable(),
  expiresAt: at("From when it no longer applies; null = no end.").nullable(),
  usageLimit: z.number().int().nullable().meta({ description: "Redemptions allowed across all shoppers; null = unlimited." }),
  usedCount: z.number().int().meta({ description: "Redemptions so far (an unpaid order cancelled gives its redemption back)." }),
  perCustomerLimit: z.number().int().nullable(),
  version: z.number().int().meta({ description: "Bumped by every edit; send it as `expectedVersion` to edit this coupon." }),
  status: z.enum(COUPON_STATUSES).meta({ description: "What the coupon is now: derived from the switch, the window and the redemptions." }),
  sales: z.array(
    z.object({
      currency: z.string(),
      orders: z.number().int().meta({ description: "Paid orders that used the coupon (captured, or cash collected at delivery)." }),
      gross: moneyOutput,
      refunds: moneyOutput,
      net: moneyOutput,
    }),
  ).meta({ description: "What the coupon's paid orders brought in, one row per currency, counted as the dashboard counts sales." }),
};

export const adminCouponOutput = z
  .discriminatedUnion("kind", [
    z.object({ ...rules, kind: z.literal("percentage"), percentBp: z.number().int(), maxDiscount: moneyOutput.nullable() }),
    z.object({ ...rules, kind: z.literal("fixed"), amount: moneyOutput }),
  ])
  .meta({ id: "AdminCoupon" });

export const adminCouponPageOutput = z.object({ items: z.array(adminCouponOutput), nextCursor }).meta({ id: "AdminCouponPage" });
