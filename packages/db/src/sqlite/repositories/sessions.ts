import type { RefreshToken, SessionRepository } from "@bbscart/core";
import { fromMs, fromMsOrNull, toMs, toMsOrNull } from "../codec.js";
import type { Executor } from "../executor.js";

interface SessionRow {
  id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  created_at: number;
  expires_at: number;
  rotated_at: number | null;
  revoked_at: number | null;
}

const toToken = (row: SessionRow): RefreshToken => ({
  id: row.id,
  userId: row.user_id,
  familyId: row.family_id,
  tokenHash: row.token_hash,
  createdAt: fromMs(row.created_at),
  expiresAt: fromMs(row.expires_at),
  rotatedAt: fromMsOrNull(row.rotated_at),
  revokedAt: fromMsOrNull(row.revoked_at),
});

export function sqliteSessions(ex: Executor): SessionRepository {
  return {
    create: (token) =>
      ex.write((c) => {
        c.prepare(
          `INSERT INTO sessions (id, user_id, family_id, token_hash, created_at, expires_at, rotated_at, revoked_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          token.id,
          token.userId,
          token.familyId,
          token.tokenHash,
          toMs(token.createdAt),
          toMs(token.expiresAt),
          toMsOrNull(token.rotatedAt),
          toMsOrNull(token.revokedAt),
        );
      }),
    findByHash: (tokenHash) =>
      ex.read((c) => {
        const row = c.prepare("SELECT * FROM sessions WHERE token_hash = ?").get(tokenHash) as SessionRow | undefined;
        return row ? toToken(row) : null;
      }),
    markRotated: (id, at) =>
      ex.write(
        (c) =>
          c.prepare("UPDATE sessions SET rotated_at = ? WHERE id = ? AND rotated_at IS NULL AND revoked_at IS NULL").run(toMs(at), id)
            .changes === 1,
      ),
    revokeFamily: (familyId, at) =>
      ex.write((c) => c.prepare("UPDATE sessions SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL").run(toMs(at), familyId).changes),
    revokeAllForUser: (userId, at) =>
      ex.write((c) => c.prepare("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL").run(toMs(at), userId).changes),
  };
}
