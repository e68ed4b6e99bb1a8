import { Schema } from "mongoose";
import { CHANNELS, OUTBOX_STATUSES, type Channel, type OutboxMessage } from "@bbscart/core";
import { collectionOptions, nullable, stringId } from "./shared.js";

/**
 * A queued message. Its `_id` is `${dedupeKey}:${channel}`, so the primary key is the dedupe
 * index; `enqueue` inserts with an upsert and never raises on it (see the outbox repository).
 */
export interface OutboxDoc {
  _id: string;
  channel: Channel;
  notification: { template: string; userId: string | null; guest?: { email: string; phone: string }; dedupeKey: string; data: Record<string, string> };
  status: OutboxMessage["status"];
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  lastError: string | null;
  lastFailedAt: Date | null;
}

export const outboxSchema = new Schema<OutboxDoc>(
  {
    _id: stringId,
    channel: { type: String, required: true, enum: CHANNELS },
    notification: {
      type: new Schema(
        {
          template: { type: String, required: true },
          // Null for a guest's order, whose messages go to `guest` (ADR 141).
          userId: nullable(String),
          guest: { type: new Schema({ email: { type: String, required: true }, phone: { type: String, required: true } }, { _id: false, strict: "throw" }), default: undefined },
          dedupeKey: { type: String, required: true },
          // Template variables: string values under keys the template names; a plain object as stored.
          data: { type: Schema.Types.Mixed, required: true },
        },
        { _id: false, strict: "throw" },
      ),
      required: true,
    },
    status: { type: String, required: true, enum: OUTBOX_STATUSES },
    attempts: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    sentAt: nullable(Date),
    lastError: nullable(String),
    lastFailedAt: nullable(Date),
  },
  collectionOptions("outbox"),
);
outboxSchema.index({ createdAt: -1, _id: -1 }, { name: "created_desc" });
outboxSchema.index({ status: 1, createdAt: -1, _id: -1 }, { name: "status_created_desc" });
