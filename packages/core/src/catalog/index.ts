export * from "./catalog.js";
export * from "./images.js";
