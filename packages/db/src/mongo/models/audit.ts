import { Schema } from "mongoose";
import { collectionOptions, nullable, stringId } from "./shared.js";

/**
 * An admin action. `before`/`after` are JSON snapshots of any shape, stored as Mixed; typed as
 * `unknown` here (the domain's recursive `JsonValue` is too deep for mongoose's schema types)
 * and typed again by the repository's mapper.
 */
export interface AuditDoc {
  _id: string;
  at: Date;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
}

export const auditSchema = new Schema<AuditDoc>(
  {
    _id: stringId,
    at: { type: Date, required: true },
    actorId: { type: String, required: true },
    action: { type: String, required: true },
    targetType: { type: String, required: true },
    targetId: { type: String, required: true },
    reason: nullable(String),
    requestId: nullable(String),
    before: nullable(Schema.Types.Mixed),
    after: nullable(Schema.Types.Mixed),
  },
  collectionOptions("audit_log"),
);
auditSchema.index({ at: -1, _id: -1 }, { name: "at_desc" });
auditSchema.index({ actorId: 1, at: -1, _id: -1 }, { name: "actor_at_desc" });
auditSchema.index({ action: 1, at: -1, _id: -1 }, { name: "action_at_desc" });
auditSchema.index({ targetType: 1, targetId: 1, at: -1, _id: -1 }, { name: "target_at_desc" });
