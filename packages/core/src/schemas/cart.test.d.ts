export {};
//# sourceMappingURL=cart.test.d.ts.map