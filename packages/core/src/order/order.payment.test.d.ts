export {};
//# sourceMappingURL=order.payment.test.d.ts.map