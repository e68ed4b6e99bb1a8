import { WebhookSignatureError } from "@bbscart/core";
import express from "express";
import type { PaymentIntake } from "../services/payments/index.js";

/**
 * `POST /webhooks/stripe`: Stripe's events (and the sandbox's, signed the same way). The body stays
 * raw bytes — the signature covers them exactly — so this route is mounted before any body parser.
 * It verifies, stores the event under its id and answers at once; processing happens in the worker.
 * A bad signature or a stale timestamp is a 400 with no effect; a repeated delivery is a 200.
 */
export function webhookRoutes(intake: PaymentIntake, bodyLimitBytes: number) {
  const routes = express.Router();
  routes.post("/webhooks/stripe", express.raw({ type: () => true, limit: bodyLimitBytes }), async (req, res) => {
    const signature = req.headers["stripe-signature"];
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (typeof signature !== "string" || signature === "") {
      res.status(400).json({ error: { code: "BAD_REQUEST", message: "Stripe-Signature header is missing" } });
      return;
    }
    try {
      const outcome = await intake.receive(body, signature);
      res.status(200).json({ received: true, duplicate: outcome === "duplicate" });
    } catch (error) {
      if (!(error instanceof WebhookSignatureError)) throw error;
      req.log.warn({ reason: error.message }, "webhook refused: signature did not verify");
      res.status(400).json({ error: { code: "BAD_SIGNATURE", message: "Stripe-Signature does not match this body" } });
    }
  });
  return routes;
}
