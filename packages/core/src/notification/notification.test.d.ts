export {};
//# sourceMappingURL=notification.test.d.ts.map