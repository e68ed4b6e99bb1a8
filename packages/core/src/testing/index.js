export * from "./builders.js";
//# sourceMappingURL=index.js.map