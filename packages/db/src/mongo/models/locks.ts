import { Schema } from "mongoose";
import { collectionOptions } from "./shared.js";

/**
 * A record units of work write only so that they conflict with each other under snapshot isolation
 * (ADR 083): two transactions that read each other's inputs but write different documents would
 * both commit, so each also bumps the lock they share and one of them re-runs.
 */
export interface LockDoc {
  _id: string;
  version: number;
}

/** The store currency: read by whatever prices something, written by every settings save. */
export const CURRENCY_LOCK_ID = "store-currency";

export const lockSchema = new Schema<LockDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true, min: 0 },
  },
  collectionOptions("locks"),
);
