import { z } from "zod";

/**
 * A PDF over tRPC: base64 text with its file name. Over REST the same procedure answers the
 * bytes themselves as `application/pdf` (its `rest({ file })` meta), which is what the document
 * declares; this shape is never seen there.
 */
export const documentFileOutput = z.object({
  filename: z.string(),
  contentType: z.literal("application/pdf"),
  base64: z.string(),
});
