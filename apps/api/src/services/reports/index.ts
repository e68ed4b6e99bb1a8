/** The owner's figures: the admin dashboard. */
export { dashboardService, type DashboardService } from "./dashboard.service.js";
export { exportsService, type ExportsService } from "./exports.service.js";
export { ensureSalesRollups, rebuildSalesRollups } from "./rollups.service.js";
