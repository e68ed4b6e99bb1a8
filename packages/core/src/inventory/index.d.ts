export * from "./stock.js";
//# sourceMappingURL=index.d.ts.map