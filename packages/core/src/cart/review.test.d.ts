export {};
//# sourceMappingURL=review.test.d.ts.map