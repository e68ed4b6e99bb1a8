export * from "./notification.js";
