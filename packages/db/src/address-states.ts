import { stateCodeFor, type Address } from "@bbscart/core";

/**
 * Addresses saved while State was free text, with each state that names one on the list
 * ("karnataka", "Orissa") replaced by its code (ADR 140). A state that names nothing stays as
 * typed: readable, and `addressFixes` asks the shopper to pick one at the next checkout. Null when
 * nothing changes, so a migration rewrites only the users it must. Both engines' migrations use it.
 */
export function addressesWithStateCodes(addresses: readonly Address[]): Address[] | null {
  let changed = false;
  const next = addresses.map((address) => {
    const code = stateCodeFor(address.state);
    if (!code || code === address.state) return address;
    changed = true;
    return { ...address, state: code };
  });
  return changed ? next : null;
}
