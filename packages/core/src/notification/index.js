export * from "./notification.js";
//# sourceMappingURL=index.js.map