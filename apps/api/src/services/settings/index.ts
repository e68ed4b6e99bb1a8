/** Store settings as an admin saves them (audited), and what shoppers may know of them. */
export { settingsService } from "./settings.service.js";
