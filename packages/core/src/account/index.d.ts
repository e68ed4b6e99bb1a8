export * from "./user.js";
export * from "./session.js";
//# sourceMappingURL=index.d.ts.map