import { randomUUID } from "node:crypto";
import type { RowSet } from "./types.js";

/* Payments: a shopper starts a top-up of their own wallet only (no user id in the input); the payments health views need `operations.view`. */
export const paymentsRows: RowSet = {
  rows: {
    "wallet.topUp": { access: "authed", input: () => ({ amountMinor: 10_000, idempotencyKey: `rbac-${randomUUID()}` }) },
    "admin.payments.webhookEvents": { access: "admin:operations.view", input: () => ({}) },
    "admin.payments.reconciliations": { access: "admin:operations.view", input: () => ({}) },
  },
};
