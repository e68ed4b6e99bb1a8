export {};
//# sourceMappingURL=checkout.test.d.ts.map