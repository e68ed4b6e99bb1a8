export {};
//# sourceMappingURL=money.test.d.ts.map