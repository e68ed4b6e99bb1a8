export {};
//# sourceMappingURL=catalog.test.d.ts.map