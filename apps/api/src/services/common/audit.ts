import type { AuditEntry, Clock, IdGenerator, JsonValue, Repositories } from "@bbscart/core";

export interface AuditWrite {
  actorId: string;
  requestId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  reason?: string | null;
  before: JsonValue;
  after: JsonValue;
}

/**
 * Appends an audit entry through the unit of work's repositories, so the entry commits exactly when
 * the change it describes does.
 */
export function audit(repos: Repositories, clock: Clock, ids: IdGenerator, write: AuditWrite): Promise<void> {
  const entry: AuditEntry = { id: ids.next(), at: clock.now(), reason: null, ...write };
  return repos.audit.append(entry);
}
