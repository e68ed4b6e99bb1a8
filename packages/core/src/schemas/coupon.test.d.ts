export {};
//# sourceMappingURL=coupon.test.d.ts.map