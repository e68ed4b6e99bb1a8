export type { DatabaseEngine, DatabaseHandle } from "./database.js";
