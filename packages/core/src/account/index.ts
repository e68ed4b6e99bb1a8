export * from "./user.js";
export * from "./session.js";
