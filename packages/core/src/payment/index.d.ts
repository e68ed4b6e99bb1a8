export * from "./payment.js";
export * from "./webhook.js";
//# sourceMappingURL=index.d.ts.map