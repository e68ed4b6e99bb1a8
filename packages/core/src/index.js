export * from "./result.js";
export * from "./enum.js";
export * from "./money/index.js";
export * from "./account/index.js";
export * from "./settings/index.js";
export * from "./catalog/index.js";
export * from "./inventory/index.js";
export * from "./cart/index.js";
export * from "./payment/index.js";
export * from "./notification/index.js";
export * from "./idempotency/index.js";
export * from "./wallet/index.js";
export * from "./order/index.js";
export * from "./ports/index.js";
//# sourceMappingURL=index.js.map