export {};
//# sourceMappingURL=figures.test.d.ts.map