export * from "./payment.js";
