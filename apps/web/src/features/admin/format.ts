import { formatMoney, type Money, type PaymentChannel, type PaymentMethod, type StaffRole } from "@bbscart/core";
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

/** How an order was paid, named by what the provider tells us (see core's `paymentChannel`). */
export const paymentChannelLabel: Record<PaymentChannel, string> = { wallet: "Wallet", cod: "Cash on delivery", card: "Card", online: "Online payment" };

/** The stored payment method as a filter: `card` is any payment through the provider, UPI included. */
export const paymentMethodLabel: Record<PaymentMethod, string> = { wallet: "Wallet", card: "Online (card, UPI)", cod: "Cash on delivery" };

export const staffRoleLabel: Record<StaffRole, string> = { owner: "Owner", catalog_manager: "Catalog manager", fulfilment: "Fulfilment", support: "Support" };

/** What a customer spent, one amount per currency they paid in; a dash when they paid nothing yet. */
export const formatSpent = (spent: readonly Money[]) => (spent.length === 0 ? "—" : spent.map((amount) => formatMoney(amount)).join(" + "));
