export {};
//# sourceMappingURL=payment.test.d.ts.map