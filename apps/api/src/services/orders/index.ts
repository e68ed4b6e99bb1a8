/**
 * The order kernel and the services over it: `decide` (load → core decides → effects in one unit of
 * work) and the provider calls that follow a commit; the shopper's and the admin's order services,
 * and expiry.
 */
export { adminOrdersService, type AdminOrdersService } from "./admin-orders.service.js";
export { decide, type Decided } from "./decide.js";
export { applyEffects } from "./effects.js";
export { expireOrder, ExpiryNotDue, type OrderExpiryDeps } from "./expire.js";
export { ordersService } from "./orders.service.js";
export { providerCalls, type ProviderCallDeps } from "./provider-calls.js";
export { orderListQuery } from "./list-query.js";
export { shownOrder } from "./shown.js";
