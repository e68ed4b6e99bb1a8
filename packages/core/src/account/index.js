export * from "./user.js";
export * from "./session.js";
//# sourceMappingURL=index.js.map