export {};
//# sourceMappingURL=fixes.test.d.ts.map