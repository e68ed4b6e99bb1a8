export * from "./stock.js";
//# sourceMappingURL=index.js.map