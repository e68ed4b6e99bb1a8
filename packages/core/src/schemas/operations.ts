import { z } from "zod";
import { NOTIFICATION_TEMPLATES } from "../notification/notification.js";
import { id, int, oneOf, optionalText, pageInput, text } from "./fields.js";

/** A BullMQ queue by name; the API answers an unknown one with a 400 naming `queue`. */
const queue = text("Queue", 50);

/** The failed set is paged by position (BullMQ keeps it sorted by failure time), not by cursor. */
export const failedJobsInput = z.object({
  queue,
  offset: int("Position", 0, 1_000_000).default(0),
  limit: int("Page size", 1, 100).default(24),
});

export const failedJobActionInput = z.object({
  queue,
  jobId: id("Job"),
  reason: optionalText("Reason", 500),
});

/** Notifications that failed their last attempt, newest first (from the outbox, whatever the queue holds). */
export const failedMessagesInput = z.object({ ...pageInput });

/** Queues a failed notification again, even when its queue job is gone; audited with the reason. */
export const messageRetryInput = z.object({
  outboxId: text("Message", 300),
  reason: optionalText("Reason", 500),
});

/** One message template, rendered with a sample order for the admin to look at. */
export const emailPreviewInput = z.object({ template: oneOf("Message", NOTIFICATION_TEMPLATES, "one of the shop's messages") });
