export * from "./builders.js";
//# sourceMappingURL=index.d.ts.map