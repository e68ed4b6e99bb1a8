export {};
//# sourceMappingURL=idempotency.test.d.ts.map