export { seedDemoStore, type SeedReport } from "./seed.js";
export { buildDemoCatalog, buildDemoCoupons, seededRandom } from "./demo-catalog.js";
