import { z } from "zod";
import { pageInput } from "./fields.js";

/** Recent webhook events for the payments health view, optionally one processing state only. */
export const webhookEventsInput = z.object({
  status: z.enum(["received", "processing", "processed", "failed"], { error: "status must be received, processing, processed or failed" }).optional(),
  ...pageInput,
});

/** Repairs reconciliation made, newest first. */
export const reconciliationsInput = z.object({ ...pageInput });
