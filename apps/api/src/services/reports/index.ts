/** The owner's figures: the admin dashboard. */
export { dashboardService, type DashboardService } from "./dashboard.service.js";
export { CSV_BOM, csvCell, csvChunks, csvRow, rupees, type CsvCell } from "./csv.js";
export { exportsService, type ExportsService } from "./exports.service.js";
export { ensureSalesRollups, rebuildSalesRollups } from "./rollups.service.js";
