/**
 * State becomes a code from the list of states and union territories (ADR 140): each saved
 * address whose free-text state names one gets its code, through `address_state_codes_json`, the
 * function `migrate` registers (the same `addressesWithStateCodes` the MongoDB adapter runs at open).
 * Data only; an unmatched state stays as typed for the shopper to fix.
 */
export const addressStateCodes = `
UPDATE users SET addresses = address_state_codes_json(addresses)
  WHERE address_state_codes_json(addresses) IS NOT NULL;
`;
