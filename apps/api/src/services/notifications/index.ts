/** Notifications after commit: queueing committed outbox messages, delivering each once, and relaying lost ones. */
export { deliverOutboxMessage, UndeliverableMessage, type DeliveryOutcome, type NotificationDeps } from "./deliver.js";
export { queueOutbox } from "./queue-outbox.js";
export { relayOutbox, retryJob, type OutboxRelayDeps } from "./relay.js";
export { withResetLink } from "./reset-link.js";
export { emailPreviews } from "./preview.js";
