export {};
//# sourceMappingURL=order.machine.test.d.ts.map