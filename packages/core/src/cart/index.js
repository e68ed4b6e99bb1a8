export * from "./cart.js";
export * from "./coupon.js";
export * from "./pricing.js";
export * from "./review.js";
export * from "./fixes.js";
export * from "./receipt.js";
//# sourceMappingURL=index.js.map