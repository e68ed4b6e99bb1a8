export * from "./stock.js";
