import { dateTimeFormat } from "../intl/formats.js";

/** Calendar days in a store's IANA time zone: what the owner's figures are grouped by. */

/** "YYYY-MM-DD" of `at` in `timeZone`. */
export function dayIn(timeZone: string, at: Date): string {
  return dayFormatter(timeZone).format(at);
}

/** A reusable `dayIn` for one zone. */
export function dayFormatter(timeZone: string): { format(at: Date): string } {
  return dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
}

/** The calendar day `n` days after `day` (negative goes back); pure date arithmetic, so DST cannot skip a day. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** How far the wall clock in `timeZone` is ahead of UTC at `at`, in milliseconds. */
function offsetAt(timeZone: string, at: number): number {
  const parts = dateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - (at - (at % 1000));
}

/** The instant a calendar day begins in `timeZone` (the offset is checked again at that instant, for DST). */
export function startOfDay(timeZone: string, day: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const guess = midnightUtc - offsetAt(timeZone, midnightUtc);
  return new Date(midnightUtc - offsetAt(timeZone, guess));
}
