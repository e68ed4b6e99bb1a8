import { z } from "zod";
import { WEBHOOK_STATUSES } from "../payment/webhook.js";
import { oneOf, pageInput } from "./fields.js";

/** Recent webhook events for the payments health view, optionally one processing state only. */
export const webhookEventsInput = z.object({
  status: oneOf("Status", WEBHOOK_STATUSES).optional(),
  ...pageInput,
});

/** Repairs reconciliation made, newest first. */
export const reconciliationsInput = z.object({ ...pageInput });
