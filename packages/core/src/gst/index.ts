export * from "./document.js";
export * from "./amount-in-words.js";
export * from "./gstin.js";
export * from "./tax-settings.js";
export * from "./numbering.js";
export * from "./invoice.js";
export * from "./credit-note.js";
export * from "./due.js";
