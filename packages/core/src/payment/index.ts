export * from "./payment.js";
export * from "./webhook.js";
export * from "./channel.js";
