/** The cart: a shopper's or guest's lines, re-checked against the live catalog on every read and change. */
export { cartService, type CartOwner } from "./cart.service.js";
export { cartView, reviewStoredCart, type CartView } from "./review.js";
