export * from "./settings.js";
//# sourceMappingURL=index.d.ts.map