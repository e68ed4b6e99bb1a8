/** What every service area shares: refusals, audit, the admin call, the dependencies and the ports they are wired with. */
export { AppError, notFound, type AppErrorCode, type AppErrorDetails } from "./app-error.js";
export { audit, type AuditWrite } from "./audit.js";
export { adminCall, auditAs, type AdminCall } from "./admin-call.js";
export { customerOf, customersOf, orderCustomer } from "./customers.js";
/** CSV for exports and registers: streamed, formula-safe, money as decimals (ADR 122). */
export { CSV_BOM, csvCell, csvChunks, csvRow, rupees, type CsvCell } from "./csv.js";
export type { CatalogDeps, CommerceDeps, CookiePolicy } from "./deps.js";
export type { JobScheduler, OutboxJob } from "./job-scheduler.js";
export {
  adapterRefusal,
  refusalAnswers,
  refused,
  type AdjustmentRefusal,
  type CheckoutRefusal,
  type DecideRefusal,
  type EffectRefusal,
  type ItemsRefusal,
  type OrderRefusal,
  type Refusal,
  type RefusalAnswer,
  type RefusalCode,
} from "./refusals.js";
export { loadSettings, pricingCurrency } from "./settings.js";
