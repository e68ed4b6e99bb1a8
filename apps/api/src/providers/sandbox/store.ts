import { PaymentProviderUnavailableError } from "@bbscart/core";
import type { Redis } from "ioredis";

/** Stripe's own status names, so the sandbox's events read exactly like test-mode events. */
export type SandboxStatus = "requires_payment_method" | "requires_action" | "succeeded" | "canceled";

export interface SandboxIntent {
  id: string;
  clientSecret: string;
  amountMinor: number;
  currency: string;
  status: SandboxStatus;
  metadata: Record<string, string>;
  /** Razorpay's Order receipt: our order's (or top-up's) id. */
  receipt?: string | null;
  /** The request key it was created with: the same key with other parameters is refused, as Stripe does. */
  idempotencyKey: string;
  refundedMinor: number;
  lastError: { code: string; decline_code: string; message: string } | null;
}

/** Sandbox intents outlive any order's payment window by far, then Redis forgets them. */
const ttlSeconds = 30 * 86_400;

// Creates the intent unless the key already made one; returns the id that belongs to the key.
const createScript = `
local existing = redis.call('GET', KEYS[1])
if existing then return existing end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[1])
redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[1])
return ARGV[3]`;

// Moves an intent to ARGV[1] only from one of the statuses in ARGV[3..]; returns "1" or "0" (moved
// or not) followed by the record as it now stands.
const transitionScript = `
local raw = redis.call('GET', KEYS[1])
if not raw then return nil end
local intent = cjson.decode(raw)
for i = 3, #ARGV do
  if intent.status == ARGV[i] then
    intent.status = ARGV[1]
    intent.lastError = cjson.decode(ARGV[2])
    raw = cjson.encode(intent)
    redis.call('SET', KEYS[1], raw, 'KEEPTTL')
    return '1' .. raw
  end
end
return '0' .. raw`;

// One refund per key; never more than was paid, only from a succeeded intent.
const refundScript = `
local existing = redis.call('GET', KEYS[2])
if existing then return existing end
local raw = redis.call('GET', KEYS[1])
if not raw then return redis.error_reply('no such payment intent') end
local intent = cjson.decode(raw)
if intent.status ~= 'succeeded' then return redis.error_reply('payment intent has not succeeded') end
if intent.refundedMinor + tonumber(ARGV[2]) > intent.amountMinor then return redis.error_reply('refund exceeds the amount paid') end
intent.refundedMinor = intent.refundedMinor + tonumber(ARGV[2])
redis.call('SET', KEYS[1], cjson.encode(intent), 'KEEPTTL')
redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[3])
return ARGV[1]`;

/**
 * Sandbox intents in Redis (decision 031): one JSON value per intent and one per idempotency key
 * under the installation's prefix, changed only by Lua scripts so two browser tabs or a retried
 * request cannot race. Every process (API, worker) of one installation sees the same intents.
 */
export class SandboxStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** A Redis call; a failure while Redis is not connected means the sandbox is unreachable, not a bug. */
  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      if (this.redis.status !== "ready") throw new PaymentProviderUnavailableError("the sandbox payment provider's Redis is unreachable", { cause: error });
      throw error;
    }
  }

  private intentKey = (id: string) => `${this.prefix}:sandbox:intent:${id}`;
  private requestKey = (key: string) => `${this.prefix}:sandbox:key:${key}`;
  private refundKey = (key: string) => `${this.prefix}:sandbox:refund:${key}`;

  /** Stores `intent` unless its idempotency key made one already; returns the key's intent. */
  async create(intent: SandboxIntent): Promise<SandboxIntent> {
    const id = (await this.call(() =>
      this.redis.eval(createScript, 2, this.requestKey(intent.idempotencyKey), this.intentKey(intent.id), String(ttlSeconds), JSON.stringify(intent), intent.id),
    )) as string;
    const stored = await this.find(id);
    if (!stored) throw new Error(`sandbox intent ${id} vanished`);
    return stored;
  }

  async find(id: string): Promise<SandboxIntent | null> {
    const raw = await this.call(() => this.redis.get(this.intentKey(id)));
    return raw ? (JSON.parse(raw) as SandboxIntent) : null;
  }

  /**
   * Moves the intent to `to` if its status is one of `from`. Returns whether it moved and the intent
   * as it now stands, or null when there is no such intent.
   */
  async transition(
    id: string,
    from: readonly SandboxStatus[],
    to: SandboxStatus,
    lastError: SandboxIntent["lastError"] = null,
  ): Promise<{ moved: boolean; intent: SandboxIntent } | null> {
    const raw = (await this.call(() => this.redis.eval(transitionScript, 1, this.intentKey(id), to, JSON.stringify(lastError), ...from))) as string | null;
    return raw ? { moved: raw.startsWith("1"), intent: JSON.parse(raw.slice(1)) as SandboxIntent } : null;
  }

  /** Records a refund once per key; returns the refund id (the first one for a repeated key). */
  async refund(intentId: string, key: string, amountMinor: number, refundId: string): Promise<string> {
    return (await this.call(() => this.redis.eval(refundScript, 2, this.intentKey(intentId), this.refundKey(key), refundId, String(amountMinor), String(ttlSeconds)))) as string;
  }
}
