/**
 * The admin's user search by indexed keys (ADR 083) instead of `LIKE '%…%'` over every user: one row
 * per key (the email, the phone's digits, each name word) and user, searched by prefix range on the
 * primary key. Existing users get their keys from `user_search_keys_json`, the function `migrate`
 * registers (the same `userSearchKeys` the repository writes with), so no word is split two ways.
 */
export const userSearchKeys = `
CREATE TABLE user_search_keys (
  key TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (key, user_id)
) WITHOUT ROWID;
CREATE INDEX user_search_keys_user ON user_search_keys (user_id);
INSERT INTO user_search_keys (key, user_id)
  SELECT DISTINCT k.value, u.id FROM users u, json_each(user_search_keys_json(u.email, u.name, u.phone)) k;
`;
