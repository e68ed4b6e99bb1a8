import type { Channel, Notification } from "@bbscart/core";
import type { RenderContext, RenderedMessage } from "./render.js";

/**
 * {@link import("./render.js").renderNotification}, with React Email (and the Tailwind, Prettier
 * and HTML-to-text it brings, ~38 MiB resident) loaded by the first message rather than at
 * start-up: the API renders only the admin's previews, and an idle worker sends nothing
 * (decision 106). Node caches the module, so only the first call pays the load.
 */
export async function renderNotification(notification: Notification, channel: Channel, context: RenderContext): Promise<RenderedMessage> {
  const { renderNotification: render } = await import("./render.js");
  return render(notification, channel, context);
}
