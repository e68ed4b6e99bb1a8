export * from "./payment.js";
export * from "./webhook.js";
