import type { PasswordResetRepository, PasswordResetToken } from "@bbscart/core";
import { fromMs, fromMsOrNull, toMs, toMsOrNull } from "../codec.js";
import type { Executor } from "../executor.js";

interface ResetRow {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

const toToken = (row: ResetRow): PasswordResetToken => ({
  id: row.id,
  userId: row.user_id,
  tokenHash: row.token_hash,
  createdAt: fromMs(row.created_at),
  expiresAt: fromMs(row.expires_at),
  usedAt: fromMsOrNull(row.used_at),
});

export function sqlitePasswordResets(ex: Executor): PasswordResetRepository {
  return {
    create: (token) =>
      ex.write((c) => {
        c.prepare("INSERT INTO password_resets (id, user_id, token_hash, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?, ?)").run(
          token.id,
          token.userId,
          token.tokenHash,
          toMs(token.createdAt),
          toMs(token.expiresAt),
          toMsOrNull(token.usedAt),
        );
      }),
    findByHash: (tokenHash) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM password_resets WHERE token_hash = ?").get(tokenHash) as ResetRow | undefined;
        return row ? toToken(row) : null;
      }),
    consume: (id, at) =>
      ex.write((c) => c.prepare("UPDATE password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL").run(toMs(at), id).changes === 1),
  };
}
