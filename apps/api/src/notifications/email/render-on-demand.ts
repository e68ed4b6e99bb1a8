import type { Channel, Notification } from "@bbscart/core";
import type * as Render from "./render.js";
import type { RenderContext, RenderedMessage } from "./render.js";

let loading: Promise<typeof Render> | null = null;

/**
 * Loads React Email (and the Tailwind, Prettier and HTML-to-text it brings, ~38 MiB resident) once.
 * The API calls it only for the admin's previews; the worker, which sends every message, starts it
 * when its notifications queue starts, so its first message does not wait for the load
 * (decision 106).
 */
export function loadRenderer(): Promise<typeof Render> {
  // A failed load is forgotten, so the next message tries again rather than failing for good.
  loading ??= import("./render.js").catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** {@link Render.renderNotification}, loading the renderer on first use. */
export async function renderNotification(notification: Notification, channel: Channel, context: RenderContext): Promise<RenderedMessage> {
  const { renderNotification: render } = await loadRenderer();
  return render(notification, channel, context);
}
