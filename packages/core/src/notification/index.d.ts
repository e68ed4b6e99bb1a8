export * from "./notification.js";
//# sourceMappingURL=index.d.ts.map