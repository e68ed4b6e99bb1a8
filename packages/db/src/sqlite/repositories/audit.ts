import type { AuditEntry, AuditRepository, JsonValue } from "@bbscart/core";
import { fromMs, idFromSql, idToSql, toMs } from "../codec.js";
import { packJson, unpackJson } from "../compact.js";
import { keysetPage } from "../cursor.js";
import type { Executor } from "../executor.js";

/** Ids are stored by `idToSql`: a UUID in 16 bytes. */
interface AuditRow {
  id: string | Buffer;
  at: number;
  actor_id: string | Buffer;
  action: string;
  target_type: string;
  target_id: string | Buffer;
  reason: string | null;
  request_id: string | Buffer | null;
  before: Buffer;
  after: Buffer;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: idFromSql(row.id),
  at: fromMs(row.at),
  actorId: idFromSql(row.actor_id),
  action: row.action,
  targetType: row.target_type,
  targetId: idFromSql(row.target_id),
  reason: row.reason,
  requestId: row.request_id === null ? null : idFromSql(row.request_id),
  before: unpackJson<JsonValue>(row.before),
  after: unpackJson<JsonValue>(row.after),
});

export function sqliteAudit(ex: Executor): AuditRepository {
  return {
    append: (entry) =>
      ex.write((c) => {
        c.prepare(
          `INSERT INTO audit_log (id, at, actor_id, action, target_type, target_id, reason, request_id, before, after)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          idToSql(entry.id),
          toMs(entry.at),
          idToSql(entry.actorId),
          entry.action,
          entry.targetType,
          idToSql(entry.targetId),
          entry.reason,
          entry.requestId === null ? null : idToSql(entry.requestId),
          packJson(entry.before),
          packJson(entry.after),
        );
      }),
    list: (query) =>
      ex.read((c) =>
        keysetPage(c, {
          columns: "*",
          from: "audit_log",
          where: [
            ...(query.actorId !== null ? [["actor_id = ?", idToSql(query.actorId)] as const] : []),
            ...(query.action !== null ? [["action = ?", query.action] as const] : []),
            ...(query.targetType !== null ? [["target_type = ?", query.targetType] as const] : []),
            ...(query.targetId !== null ? [["target_id = ?", idToSql(query.targetId)] as const] : []),
            ...(query.from !== null ? [["at >= ?", toMs(query.from)] as const] : []),
            ...(query.to !== null ? [["at < ?", toMs(query.to)] as const] : []),
          ],
          // seq, the order entries were appended in, breaks ties of `at`: each index holds it as its row key (decision record 135).
          keys: ["at", "seq"],
          direction: "DESC",
          sort: "audit",
          page: query,
          map: toEntry,
        }),
      ),
  };
}
