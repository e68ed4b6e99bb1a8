import { Schema } from "mongoose";
import { WEBHOOK_STATUSES, type WebhookStatus } from "@bbscart/core";
import type { UniqueIndexNames } from "../errors.js";
import { collectionOptions, nullable, stringId } from "./shared.js";

/** A provider event, keyed by the provider's event id so intake is exactly once. */
export interface WebhookEventDoc {
  _id: string;
  provider: string;
  type: string;
  payload: string;
  receivedAt: Date;
  status: WebhookStatus;
  attempts: number;
  claimedAt: Date | null;
  lastError: string | null;
  lastFailedAt: Date | null;
  processedAt: Date | null;
}

export const webhookEventSchema = new Schema<WebhookEventDoc>(
  {
    _id: stringId,
    provider: { type: String, required: true },
    type: { type: String, required: true },
    payload: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    status: { type: String, required: true, enum: WEBHOOK_STATUSES },
    attempts: { type: Number, required: true },
    claimedAt: nullable(Date),
    lastError: nullable(String),
    lastFailedAt: nullable(Date),
    processedAt: nullable(Date),
  },
  collectionOptions("webhook_events"),
);
webhookEventSchema.index({ receivedAt: -1, _id: -1 }, { name: "received_desc" });
webhookEventSchema.index({ status: 1, receivedAt: -1, _id: -1 }, { name: "status_received_desc" });

export const webhookEventUniqueIndexes: UniqueIndexNames = { _id_: "webhook_events.id" };
