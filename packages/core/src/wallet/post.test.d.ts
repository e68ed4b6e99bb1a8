export {};
//# sourceMappingURL=post.test.d.ts.map