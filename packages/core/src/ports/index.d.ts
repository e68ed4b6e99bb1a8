export type { DatabaseEngine, DatabaseHandle } from "./database.js";
export * from "./errors.js";
export type * from "./repositories.js";
export * from "./services.js";
export * from "./unit-of-work.js";
//# sourceMappingURL=index.d.ts.map