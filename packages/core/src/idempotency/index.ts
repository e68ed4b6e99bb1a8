export * from "./idempotency.js";
