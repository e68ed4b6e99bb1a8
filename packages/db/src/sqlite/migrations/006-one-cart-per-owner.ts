/**
 * One cart per owner, held by the schema: two first `cart.add` calls of one shopper used to be able
 * to create two carts (readers then saw only the newest, and the other's lines reappeared later).
 * Earlier duplicates are folded to the most recently updated cart, which is the one readers saw.
 */
export const oneCartPerOwner = `
DELETE FROM carts WHERE user_id IS NOT NULL AND id NOT IN (
  SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY updated_at DESC, id DESC) AS n FROM carts WHERE user_id IS NOT NULL) WHERE n = 1
);
DELETE FROM carts WHERE guest_id IS NOT NULL AND id NOT IN (
  SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY guest_id ORDER BY updated_at DESC, id DESC) AS n FROM carts WHERE guest_id IS NOT NULL) WHERE n = 1
);
DROP INDEX carts_user;
DROP INDEX carts_guest;
CREATE UNIQUE INDEX carts_user_unique ON carts (user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX carts_guest_unique ON carts (guest_id) WHERE guest_id IS NOT NULL;
`;
