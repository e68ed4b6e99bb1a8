/** Operations: what the installation is, and queue health for admins. */
export { operationsService, type FailedJob, type QueueCounts, type QueueHealth } from "./operations.service.js";
export { systemService, type SystemInfo } from "./system.service.js";
export { pruneOldRecords, type Pruned, type RetentionPolicy } from "./retention.js";
