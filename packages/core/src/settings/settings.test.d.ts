export {};
//# sourceMappingURL=settings.test.d.ts.map