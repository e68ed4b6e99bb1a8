/**
 * The admin's category tree: each category's place among its siblings, the description and
 * picture the shop's category page shows, and when it was archived. Existing siblings take
 * positions in name order, which is how they were listed before. The tree's version lives in
 * `counters` and is bumped by every tree edit (decision record 120).
 */
export const categoryTree = `
ALTER TABLE categories ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE categories ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE categories ADD COLUMN image TEXT;
ALTER TABLE categories ADD COLUMN archived_at INTEGER;

UPDATE categories SET position = (SELECT COUNT(*) FROM categories AS earlier
  WHERE earlier.parent_id IS categories.parent_id
    AND (earlier.name COLLATE NOCASE < categories.name COLLATE NOCASE
      OR (earlier.name COLLATE NOCASE = categories.name COLLATE NOCASE AND earlier.id < categories.id)));

CREATE INDEX categories_parent ON categories (parent_id, position);
`;
