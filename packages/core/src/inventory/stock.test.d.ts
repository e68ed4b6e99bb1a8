export {};
//# sourceMappingURL=stock.test.d.ts.map