export * from "./accounts.js";
export * from "./transfer.js";
export * from "./ledger.js";
export * from "./post.js";
//# sourceMappingURL=index.js.map