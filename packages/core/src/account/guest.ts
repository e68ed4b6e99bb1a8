import { normalizePhone } from "./india.js";
import { normalizeEmail } from "./user.js";

/** How to reach someone who ordered without an account: a normalised email and an E.164 phone. */
export interface GuestContact {
  readonly email: string;
  readonly phone: string;
}

/**
 * The keys a coupon's per-customer limit counts a redemption under: the account (when there is
 * one), its email and its phone, each normalised. Counting every key means a guest cannot reuse a
 * once-per-customer coupon by ordering again with the same email or phone, nor an account holder
 * by checking out as a guest with their own email (ADR 141). Old redemptions stored the bare user
 * id, so the account key stays bare; emails and phones are prefixed so no key collides with an id.
 */
export function couponHolders(customer: { readonly userId: string | null; readonly email: string; readonly phone: string | null }): string[] {
  const phone = customer.phone === null ? null : normalizePhone(customer.phone);
  return [
    ...(customer.userId === null ? [] : [customer.userId]),
    `email:${normalizeEmail(customer.email)}`,
    ...(phone === null ? [] : [`phone:${phone}`]),
  ];
}

/**
 * Whether what a visitor typed on "Track your order" names this guest contact: the same email
 * (any case) or the same phone (any spelling `normalizePhone` accepts). The caller answers alike
 * for a wrong contact and a missing order, so this is no oracle.
 */
export function contactMatches(contact: GuestContact, claim: { readonly email?: string | undefined; readonly phone?: string | undefined }): boolean {
  if (claim.email !== undefined && normalizeEmail(claim.email) === contact.email) return true;
  if (claim.phone === undefined) return false;
  const phone = normalizePhone(claim.phone);
  return phone !== null && phone === contact.phone;
}
