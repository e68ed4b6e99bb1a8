/**
 * Zod schemas for every input the API accepts. The web's forms import them from
 * `@bbscart/core/schemas`, so both sides validate with the same rules and messages.
 */
export * from "./account.js";
export * from "./catalog.js";
export * from "./cart.js";
export * from "./order.js";
export * from "./wallet.js";
export * from "./settings.js";
export * from "./gst.js";
export * from "./coupon.js";
export * from "./operations.js";
export { labelOf, MAX_AMOUNT_MINOR } from "./fields.js";
export * from "./payments.js";
export * from "./gst.js";
