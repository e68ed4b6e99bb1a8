export * from "./order.js";
export * from "./order.machine.js";
export * from "./order.payment.js";
export * from "./order.settlement.js";
export * from "./place.js";
export * from "./returns.js";
export * from "./checkout.js";
export * from "./figures.js";
//# sourceMappingURL=index.js.map