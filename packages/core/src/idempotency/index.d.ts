export * from "./idempotency.js";
//# sourceMappingURL=index.d.ts.map