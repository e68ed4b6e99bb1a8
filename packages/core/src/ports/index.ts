export { PRUNABLE_RECORDS, type CatalogVersion, type DatabaseEngine, type DatabaseHandle, type PrunableRecord, type RetentionPort, type RollupState, type SalesRollupPort } from "./database.js";
export * from "./errors.js";
export type * from "./repositories.js";
export * from "./services.js";
export * from "./unit-of-work.js";
