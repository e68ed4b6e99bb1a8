export * from "./catalog.js";
export * from "./category-tree.js";
export * from "./price-change.js";
export * from "./images.js";
export * from "./spelling.js";
export * from "./image-alts.js";
