/** Coupons as admins manage them (audited); the cart applies them through core's rules. */
export { couponsService, type CouponsService } from "./coupons.service.js";
