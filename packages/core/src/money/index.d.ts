export * from "./money.js";
export * from "./allocate.js";
export * from "./tax.js";
//# sourceMappingURL=index.d.ts.map