/**
 * Alt text beside each product image (ADR 148): a JSON list aligned with `images`. Products stored
 * before it get one empty text per image, so the two lists line up from the start.
 */
export const imageAlts = `
ALTER TABLE products ADD COLUMN image_alts TEXT NOT NULL DEFAULT '[]';
UPDATE products SET image_alts = (SELECT json_group_array('') FROM json_each(products.images));
`;
