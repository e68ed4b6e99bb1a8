import type { NotificationTemplate } from "@bbscart/core";
import { renderNotification } from "../../notifications/email/render-on-demand.js";
import { sampleNotification, sampleOrder } from "../../notifications/email/samples.js";

/**
 * The admin's look at a message before any shopper gets it: the template rendered exactly as the
 * worker renders it, with a sample order in place of a real one. Nothing is queued or sent.
 */
export function emailPreviews(publicUrl: string) {
  return {
    async preview(template: NotificationTemplate) {
      const email = await renderNotification(sampleNotification(template), "email", { order: sampleOrder(publicUrl), shopUrl: publicUrl });
      const sms = await renderNotification(sampleNotification(template), "sms", { order: null, shopUrl: publicUrl });
      return { template, subject: email.subject ?? "", html: email.html ?? "", text: email.body, sms: sms.body };
    },
  };
}
