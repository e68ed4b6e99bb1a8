export * from "./builders.js";
