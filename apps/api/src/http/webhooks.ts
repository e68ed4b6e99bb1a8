import { WebhookSignatureError, type WebhookHeaders } from "@bbscart/core";
import express from "express";
import type { PaymentIntake } from "../services/payments/index.js";

/**
 * `POST /webhooks/stripe` and `POST /webhooks/razorpay`: the provider's events (and the sandbox's,
 * signed the same way as the provider it imitates). Only the route of the running provider's wire
 * format answers; the other is a 404. The body stays raw bytes — the signature covers them exactly —
 * so this route is mounted before any body parser. It verifies, stores the event under its id and
 * answers at once; processing happens in the worker. A missing, forged or stale signature is a 400
 * with no effect; a repeated delivery is a 200.
 */
export function webhookRoutes(intake: PaymentIntake, wireFormat: "stripe" | "razorpay", bodyLimitBytes: number) {
  const routes = express.Router();
  routes.post(`/webhooks/${wireFormat}`, express.raw({ type: () => true, limit: bodyLimitBytes }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const headers: WebhookHeaders = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
    try {
      const outcome = await intake.receive(body, headers);
      res.status(200).json({ received: true, duplicate: outcome === "duplicate" });
    } catch (error) {
      if (!(error instanceof WebhookSignatureError)) throw error;
      req.log.warn({ reason: error.message }, "webhook refused: signature did not verify");
      res.status(400).json({ error: { code: "BAD_SIGNATURE", message: error.message } });
    }
  });
  return routes;
}
