import type { Notification, OutboxMessage, OutboxRepository } from "@bbscart/core";
import type { OutboxDoc } from "../models/outbox.js";
import type { RepoContext } from "./context.js";
import { findPage } from "./mapping.js";

function toMessage(doc: OutboxDoc): OutboxMessage {
  const { _id, notification, ...fields } = doc;
  return { id: _id, ...fields, notification: { ...notification, template: notification.template as Notification["template"] } };
}

export function outboxRepository({ models: { outbox }, session }: RepoContext): OutboxRepository {
  return {
    async enqueue(message) {
      // An upsert that only inserts: a repeat finds the message and changes nothing. Unlike an
      // insert hitting the primary key, it raises no error, so the caller's transaction lives on.
      const { id, notification, ...fields } = message;
      const result = await outbox.updateOne(
        { _id: id },
        { $setOnInsert: { ...fields, notification: { ...notification, data: { ...notification.data } } } },
        { upsert: true, session },
      );
      return result.upsertedCount === 1;
    },
    async find(id) {
      const doc = await outbox.findById(id, null, { session }).lean<OutboxDoc>();
      return doc && toMessage(doc);
    },
    async markSent(id, at) {
      await outbox.updateOne({ _id: id }, { $set: { status: "sent", sentAt: at, lastError: null } }, { session });
    },
    async markFailed(id, error, at) {
      await outbox.updateOne({ _id: id }, { $set: { status: "failed", lastError: error, lastFailedAt: at }, $inc: { attempts: 1 } }, { session });
    },
    async markDiscarded(id) {
      const result = await outbox.updateOne({ _id: id, status: "failed" }, { $set: { status: "discarded" } }, { session });
      return result.modifiedCount === 1;
    },
    list({ status, ...page }) {
      return findPage(outbox, session, { filter: status ? { status } : {}, sort: { field: "createdAt", direction: -1 }, page }, toMessage);
    },
  };
}
