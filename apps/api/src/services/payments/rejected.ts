/**
 * A verified event that does not match our records (another amount, another customer, an order
 * that is not paid by this intent) or that our records refuse. Retrying cannot change that, so it
 * is kept as failed, with this message, for an admin to look at — never applied.
 */
export class PaymentEventRejected extends Error {
  override readonly name = "PaymentEventRejected";
}
