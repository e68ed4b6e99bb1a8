import type { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { Env } from "../env.js";
import type { Logger } from "../logger.js";
import { enqueueOutbox, logRedisErrors, outboxDoorbellChannel } from "./queues.js";

/** More ids than one commit writes: a larger message is not one of ours. */
const MAX_IDS_PER_RING = 100;
/** Outbox ids are derived keys of a few dozen characters; a longer one is not ours. */
const MAX_ID_LENGTH = 200;

/** The outbox ids a ring carries, or null when the message is not a short list of ids. */
export function idsOfRing(message: string): string[] | null {
  let ids: unknown;
  try {
    ids = JSON.parse(message);
  } catch {
    return null;
  }
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_IDS_PER_RING) return null;
  return ids.every((id) => typeof id === "string" && id !== "" && id.length <= MAX_ID_LENGTH) ? (ids as string[]) : null;
}

export interface OutboxDoorbell {
  /** Stops listening, then adds the jobs of the rings already heard. */
  close(): Promise<void>;
}

/**
 * Listens on the outbox doorbell (decision 169) and queues the notification jobs the API rang for:
 * the ids of one event-loop turn's rings in one `addBulk`, job ids derived from the messages as
 * everywhere else, so two workers hearing the same ring add each job once. A ring lost on the way
 * (this process down, Redis away, a failed add) leaves its messages pending: the outbox relay queues
 * them one interval later, as it does any message whose enqueue was lost.
 */
export async function outboxDoorbell(env: Pick<Env, "REDIS_URL" | "REDIS_PREFIX">, deps: { notifications: Queue; log: Logger }): Promise<OutboxDoorbell> {
  const channel = outboxDoorbellChannel(env.REDIS_PREFIX);
  // A subscribed connection can do nothing else; it resubscribes by itself after a reconnection.
  const subscriber = logRedisErrors(new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: null }), "outbox-doorbell", deps.log);
  let heard: string[] = [];
  let adding: Promise<void> = Promise.resolve();
  const add = () => {
    const ids = heard;
    heard = [];
    const added = enqueueOutbox(
      deps.notifications,
      ids.map((outboxId) => ({ outboxId, generation: 0 })),
    ).catch((error: unknown) => deps.log.warn({ err: error, outboxIds: ids }, "notifications rung for were not queued; the outbox relay will queue them"));
    // Every add still running, not only the last: close waits for them all.
    adding = Promise.all([adding, added]).then(() => undefined);
  };
  subscriber.on("message", (_channel: string, message: string) => {
    const ids = idsOfRing(message);
    if (!ids) {
      deps.log.warn({ channel, bytes: message.length }, "ignored a doorbell message that is not a list of outbox ids");
      return;
    }
    if (heard.length === 0) setImmediate(add);
    heard.push(...ids);
  });
  await subscriber.connect();
  await subscriber.subscribe(channel);
  return {
    async close() {
      subscriber.disconnect();
      if (heard.length > 0) add();
      await adding;
    },
  };
}
