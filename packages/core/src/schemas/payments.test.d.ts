export {};
//# sourceMappingURL=payments.test.d.ts.map