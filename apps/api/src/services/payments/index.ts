/** Payments: webhook intake, event processing, the relay, reconciliation, wallet top-ups and the operators' view. */
export { paymentsAdmin } from "./admin.js";
export { paymentIntake, type PaymentIntake } from "./intake.js";
export { paymentJobs, type PaymentJobs, type PaymentJobsDeps, type PaymentJobsPolicy } from "./jobs.js";
export { processPaymentEvent, type PaymentEventDeps } from "./process-event.js";
export { reconcilePayments, type ReconcileDeps, type Repair } from "./reconcile.js";
export { PaymentEventRejected } from "./rejected.js";
export { topUps, type TopUpStarted } from "./top-ups.js";
