export * from "./idempotency.js";
//# sourceMappingURL=index.js.map