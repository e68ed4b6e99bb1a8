export {};
//# sourceMappingURL=tax.test.d.ts.map