export { seedDemoStore, type SeedReport } from "./seed.js";
export { buildDemoCatalog, buildDemoCoupons } from "./demo-catalog.js";
