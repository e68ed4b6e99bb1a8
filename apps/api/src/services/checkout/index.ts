/** Checkout: one idempotent unit of work from cart to placed order. */
export { checkoutService, type PlaceOrderInput, type Receipt } from "./checkout.service.js";
