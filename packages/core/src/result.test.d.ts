export {};
//# sourceMappingURL=result.test.d.ts.map