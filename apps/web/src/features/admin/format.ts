/** The shop's words for statuses, so admins and shoppers read the same ones. */
export { statusLabels as orderStatusLabel, paymentLabels as paymentStatusLabel } from "../orders/status";

/** "2024-05-01" (a day in the store's time zone, as the API sends it) as "1 May". */
export function formatDay(day: string, style: "short" | "long" = "short"): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat("en-IN", { day: "numeric", month: style === "short" ? "short" : "long", timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
}

/** "2024-05-01" from a date input as the start of that day, in the admin's own time zone. */
export const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00`) : null);
/** The start of the day after, so a "to" day is included whole. */
export const dayAfter = (day: string) => (day ? new Date(new Date(`${day}T00:00:00`).getTime() + 86_400_000) : null);

/** A date as a `datetime-local` input shows it ("2030-01-01T09:30"), in the admin's own time zone, as the input reads it back. */
export function dateTimeInput(at: Date | null): string {
  if (!at) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
