export * from "./document.js";
export * from "./amount-in-words.js";
export * from "./kinds.js";
