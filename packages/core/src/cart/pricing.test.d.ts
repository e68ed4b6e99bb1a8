export {};
//# sourceMappingURL=pricing.test.d.ts.map