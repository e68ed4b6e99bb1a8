export {};
//# sourceMappingURL=category-tree.test.d.ts.map