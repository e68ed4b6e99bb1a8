export {};
//# sourceMappingURL=receipt.test.d.ts.map