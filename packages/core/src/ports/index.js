export * from "./errors.js";
export * from "./services.js";
export * from "./unit-of-work.js";
//# sourceMappingURL=index.js.map