import type { WebhookEvent, WebhookEventRepository } from "@bbscart/core";
import { translateDuplicateKey } from "../errors.js";
import { webhookEventUniqueIndexes, type WebhookEventDoc } from "../models/webhook-events.js";
import type { RepoContext } from "./context.js";
import { findPage, fromDoc, toDoc } from "./mapping.js";

const toEvent = (doc: WebhookEventDoc): WebhookEvent => fromDoc<WebhookEvent>(doc);

export function webhookEventRepository({ models: { webhookEvents }, session }: RepoContext): WebhookEventRepository {
  return {
    async insert(event) {
      await translateDuplicateKey(webhookEventUniqueIndexes, () => webhookEvents.insertMany([toDoc(event)], { session }));
    },
    async find(id) {
      const doc = await webhookEvents.findById(id, null, { session }).lean<WebhookEventDoc>();
      return doc && toEvent(doc);
    },
    async claimForProcessing(id, at, staleBefore) {
      // Of two workers picking up the same event, only one matches; a claim older than
      // `staleBefore` belongs to a worker presumed dead, so the event can be taken back.
      const result = await webhookEvents.updateOne(
        { _id: id, $or: [{ status: { $in: ["received", "failed"] } }, { status: "processing", claimedAt: { $lt: staleBefore } }] },
        { $set: { status: "processing", claimedAt: at }, $inc: { attempts: 1 } },
        { session },
      );
      return result.matchedCount === 1;
    },
    async markProcessed(id, at) {
      await webhookEvents.updateOne({ _id: id }, { $set: { status: "processed", processedAt: at, lastError: null } }, { session });
    },
    async markFailed(id, error, at) {
      await webhookEvents.updateOne({ _id: id }, { $set: { status: "failed", lastError: error, lastFailedAt: at } }, { session });
    },
    list({ status, ...page }) {
      return findPage(webhookEvents, session, { filter: status ? { status } : {}, sort: { field: "receivedAt", direction: -1 }, page }, toEvent);
    },
  };
}
