export {};
//# sourceMappingURL=ledger.test.d.ts.map