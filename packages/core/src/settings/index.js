export * from "./settings.js";
//# sourceMappingURL=index.js.map