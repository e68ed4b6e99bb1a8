export {};
//# sourceMappingURL=allocate.test.d.ts.map