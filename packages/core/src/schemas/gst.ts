import { z } from "zod";
import { id, labelled, text } from "./fields.js";

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a text of the `YYYY-MM-DD` shape names a real day; other shapes are the regex's to refuse, once. */
function existingDay(value: string): boolean {
  if (!CALENDAR_DAY.test(value)) return true;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** A calendar day `YYYY-MM-DD` that exists (no 31 February), kept as text: which zone it is a day in is the caller's rule. */
const calendarDay = (label: string) =>
  labelled(
    z
      .string({ error: `${label} must be a date (YYYY-MM-DD)` })
      .regex(CALENDAR_DAY, { error: `${label} must be a date (YYYY-MM-DD)` })
      .refine(existingDay, { error: `${label} is not a day of the calendar` })
      .meta({ type: "string", format: "date" }),
    label,
  );

/** An accountant's register: documents issued from `from` to `to`, both days included. */
export const taxRegisterInput = z
  .object({ from: calendarDay("From"), to: calendarDay("To") })
  .refine((range) => range.from <= range.to, { error: "To must not be before From", path: ["to"] });

/** One credit note of an order, by the number printed on it. */
export const creditNoteInput = z.object({ orderId: id("Order"), number: text("Credit note number", 16) });
