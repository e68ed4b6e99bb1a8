import { z } from "zod";
import { id, text } from "./fields.js";

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a text of the `YYYY-MM-DD` shape names a real day; other shapes are the regex's to refuse, once. */
function existingDay(value: string): boolean {
  if (!CALENDAR_DAY.test(value)) return true;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** A calendar day `YYYY-MM-DD` that exists (no 31 February), kept as text: which zone it is a day in is the caller's rule. */
const calendarDay = (field: string) =>
  z
    .string({ error: `${field} must be a date (YYYY-MM-DD)` })
    .regex(CALENDAR_DAY, { error: `${field} must be a date (YYYY-MM-DD)` })
    .refine(existingDay, { error: `${field} is not a day of the calendar` })
    .meta({ type: "string", format: "date" });

/** An accountant's register: documents issued from `from` to `to`, both days included. */
export const taxRegisterInput = z
  .object({ from: calendarDay("from"), to: calendarDay("to") })
  .refine((range) => range.from <= range.to, { error: "to must not be before from", path: ["to"] });

/** One credit note of an order, by the number printed on it. */
export const creditNoteInput = z.object({ orderId: id("orderId"), number: text("number", 16) });
