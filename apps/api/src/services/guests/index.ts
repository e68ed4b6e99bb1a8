export { guestsService, type GuestCheckoutInput } from "./guests.service.js";
export { orderLinks, withOrderLink, type OrderLinks } from "./order-link.js";
