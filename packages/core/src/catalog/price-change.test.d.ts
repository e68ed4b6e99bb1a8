export {};
//# sourceMappingURL=price-change.test.d.ts.map