export * from "./builders.js";
export * from "./labels.js";
