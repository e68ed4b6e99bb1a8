/** The owner's figures: the admin dashboard. */
export { dashboardService, type DashboardService } from "./dashboard.service.js";
