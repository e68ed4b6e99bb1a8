export {};
//# sourceMappingURL=user.test.d.ts.map