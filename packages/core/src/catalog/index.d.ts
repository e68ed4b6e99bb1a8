export * from "./catalog.js";
export * from "./category-tree.js";
export * from "./price-change.js";
//# sourceMappingURL=index.d.ts.map