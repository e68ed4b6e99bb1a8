/** The catalog: the shop's reads, and the admin's products, variants, categories, stock and images. */
export { catalogService, type CatalogService } from "./catalog.service.js";
export { catalogQuery } from "./shop.js";
