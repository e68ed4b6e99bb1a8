import type { AuditEntry, AuditRepository, JsonValue } from "@bbscart/core";
import type { AuditDoc } from "../models/audit.js";
import type { RepoContext } from "./context.js";
import { findPage } from "./mapping.js";

function toEntry(doc: AuditDoc): AuditEntry {
  const { _id, before, after, ...fields } = doc;
  // Only `append` writes here, and it writes `JsonValue`s.
  return { id: _id, ...fields, before: before as JsonValue, after: after as JsonValue };
}

export function auditRepository({ models: { audit }, session }: RepoContext): AuditRepository {
  return {
    async append(entry) {
      const { id, ...fields } = entry;
      await audit.insertMany([{ _id: id, ...fields }], { session });
    },
    list({ actorId, action, targetType, targetId, from, to, ...page }) {
      const filter: Record<string, unknown> = {};
      if (actorId) filter.actorId = actorId;
      if (action) filter.action = action;
      if (targetType) filter.targetType = targetType;
      if (targetId) filter.targetId = targetId;
      if (from || to) filter.at = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
      return findPage(audit, session, { filter, sort: { field: "at", direction: -1 }, page }, toEntry);
    },
  };
}
