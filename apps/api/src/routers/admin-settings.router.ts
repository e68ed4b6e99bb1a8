import { couponCodeInput, couponCreateInput, couponListInput, couponUpdateInput, storeSettingsInput, taxSettingsInput } from "@bbscart/core/schemas";
import { adminCouponOutput, adminCouponPageOutput } from "../contract/index.js";
import { rest } from "../rest/meta.js";
import { adminCall } from "../services/common/index.js";
import { adminProcedure, router } from "../trpc/init.js";

const manage = adminProcedure("settings.manage");
const adminTag = { tags: ["Admin"] };

export const adminSettingsRouter = router({
  get: manage.query(({ ctx }) => ctx.services.settings.get()),
  update: manage.input(storeSettingsInput).mutation(({ ctx, input }) => ctx.services.settings.update(adminCall(ctx), input)),
  /** The store's GST identity and rates; refusals name the field (`gstin`, `stateCode`, `legalName`, `invoicePrefix`, `deliveryRateBp`, `slabsBp`). */
  updateTax: manage.input(taxSettingsInput).mutation(({ ctx, input }) => ctx.services.settings.updateTax(adminCall(ctx), input)),
  coupons: router({
    list: manage
      .meta(
        rest({
          ...adminTag,
          method: "GET",
          path: "/admin/coupons",
          paginated: true,
          summary: "Coupons with their status, redemptions and revenue",
          description: "Needs `settings.manage`. By code; cursor-paginated with a `Link` header. `version` is what an edit sends as `expectedVersion`.",
        }),
      )
      .input(couponListInput)
      .output(adminCouponPageOutput)
      .query(({ ctx, input }) => ctx.services.coupons.listCoupons(input)),
    create: manage.input(couponCreateInput).mutation(({ ctx, input }) => ctx.services.coupons.createCoupon(adminCall(ctx), input)),
    update: manage
      .meta(
        rest({
          ...adminTag,
          method: "PATCH",
          path: "/admin/coupons/{code}",
          summary: "Edit a coupon",
          description:
            "Needs `settings.manage`. Only the fields sent change; the code never does. `expectedVersion` is the `version` the edit was made from: " +
            "a coupon changed since answers 409 (`COUPON_CHANGED`). `usageLimit` below the redemptions already made is refused naming the field. Audited with before and after.",
        }),
      )
      .input(couponUpdateInput)
      .output(adminCouponOutput)
      .mutation(({ ctx, input }) => ctx.services.coupons.updateCoupon(adminCall(ctx), input)),
    deactivate: manage.input(couponCodeInput).mutation(({ ctx, input }) => ctx.services.coupons.deactivateCoupon(adminCall(ctx), input)),
  }),
});
