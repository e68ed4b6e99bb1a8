export * from "./user.js";
export * from "./session.js";
export * from "./india.js";
export * from "./guest.js";
export * from "./staff-roles.js";
