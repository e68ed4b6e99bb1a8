import { render } from "@react-email/components";
import { receiptText, trackingLink, type Channel, type Notification } from "@bbscart/core";
import { paragraphsOf, templates, type Data } from "../templates.js";
import { EmailLayout } from "./layout.js";
import type { EmailOrder } from "./order.js";

export interface RenderedMessage {
  readonly subject: string | null;
  /** The plain text: the whole SMS, or the email's text/plain alternative. */
  readonly body: string;
  /** The email's HTML part; SMS has none. */
  readonly html: string | null;
}

export interface RenderContext {
  /** The order an order message is about, read at send time; null for other messages. */
  readonly order: EmailOrder | null;
  readonly shopUrl: string;
}

/** What is derived rather than stored: the order's link and the carrier's tracking page. */
function dataFor(notification: Notification, order: EmailOrder | null): Data {
  const d = notification.data;
  const tracking = d.carrier && d.trackingNumber ? trackingLink(d.carrier, d.trackingNumber) : null;
  return {
    ...d,
    ...(order && !d.link ? { link: order.link } : {}),
    ...(order && !d.orderNumber ? { orderNumber: order.number } : {}),
    ...(tracking ? { trackingLink: tracking } : {}),
  };
}

/**
 * A notification rendered for its channel from the one template set: the email as HTML with a
 * plain-text alternative carrying the same paragraphs, rows and link; the SMS as the first paragraph.
 */
export async function renderNotification(notification: Notification, channel: Channel, context: RenderContext): Promise<RenderedMessage> {
  const template = templates[notification.template];
  const order = template.showsOrder ? context.order : null;
  const d = dataFor(notification, order);
  const paragraphs = paragraphsOf(template, d);
  if (channel === "sms") return { subject: null, body: paragraphs[0] ?? "", html: null };
  const action = template.action?.(d) ?? null;
  const text = [
    ...paragraphs,
    ...(order ? [[`Order ${order.number}`, ...receiptText(order.receipt)].join("\n")] : []),
    ...(action && !paragraphs.some((p) => p.includes(action.url)) ? [`${action.label}: ${action.url}`] : []),
  ];
  const html = await render(
    <EmailLayout preview={paragraphs[0] ?? ""} heading={template.heading(d)} paragraphs={paragraphs} order={order} action={action} shopUrl={context.shopUrl} />,
  );
  return { subject: template.subject(d), body: `${text.join("\n\n")}\n`, html };
}
