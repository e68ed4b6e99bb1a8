export * from "./payment.js";
export * from "./webhook.js";
//# sourceMappingURL=index.js.map