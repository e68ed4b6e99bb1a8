import { couponCodeInput, couponCreateInput, couponListInput, couponUpdateInput, storeSettingsInput } from "@bbscart/core/schemas";
import { adminCall } from "../services/common/index.js";
import { adminProcedure, router } from "../trpc/init.js";

const manage = adminProcedure("settings.manage");

export const adminSettingsRouter = router({
  get: manage.query(({ ctx }) => ctx.services.settings.get()),
  update: manage.input(storeSettingsInput).mutation(({ ctx, input }) => ctx.services.settings.update(adminCall(ctx), input)),
  coupons: router({
    list: manage.input(couponListInput).query(({ ctx, input }) => ctx.services.coupons.listCoupons(input)),
    create: manage.input(couponCreateInput).mutation(({ ctx, input }) => ctx.services.coupons.createCoupon(adminCall(ctx), input)),
    update: manage.input(couponUpdateInput).mutation(({ ctx, input }) => ctx.services.coupons.updateCoupon(adminCall(ctx), input)),
    deactivate: manage.input(couponCodeInput).mutation(({ ctx, input }) => ctx.services.coupons.deactivateCoupon(adminCall(ctx), input)),
  }),
});
