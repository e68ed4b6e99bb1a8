export {};
//# sourceMappingURL=place.test.d.ts.map