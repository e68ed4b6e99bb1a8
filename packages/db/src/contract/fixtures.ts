import {
  DuplicateKeyError,
  type AuditEntry,
  type DatabaseHandle,
  type IdempotencyRecord,
  type OutboxMessage,
  type Page,
  type PageRequest,
  type PasswordResetToken,
  type Product,
  type RefreshToken,
  type UniqueKey,
  type WebhookEvent,
} from "@bbscart/core";
import { expect } from "vitest";
import { inr, makeProduct, makeVariant, T0 } from "@bbscart/core/testing";

/** Test data the core builders do not cover, and helpers shared by the contract cases. */

/** T0 plus `minutes`: distinct, ordered instants. */
export const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

export function makeSession(overrides: Partial<RefreshToken> = {}): RefreshToken {
  return {
    id: "sess-1",
    userId: "user-1",
    familyId: "fam-1",
    tokenHash: "hash-1",
    createdAt: T0,
    expiresAt: at(60),
    rotatedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

export function makeReset(overrides: Partial<PasswordResetToken> = {}): PasswordResetToken {
  return { id: "reset-1", userId: "user-1", tokenHash: "reset-hash-1", createdAt: T0, expiresAt: at(30), usedAt: null, ...overrides };
}

export function makeWebhook(overrides: Partial<WebhookEvent> = {}): WebhookEvent {
  return {
    id: "evt_1",
    provider: "sandbox",
    type: "payment_intent.succeeded",
    payload: '{"id":"evt_1"}',
    receivedAt: T0,
    status: "received",
    attempts: 0,
    claimedAt: null,
    lastError: null,
    lastFailedAt: null,
    processedAt: null,
    ...overrides,
  };
}

export function makeOutbox(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: "order:o1:placed:email",
    channel: "email",
    notification: { template: "order_placed", userId: "user-1", dedupeKey: "order:o1:placed", data: { orderId: "o1" } },
    status: "pending",
    attempts: 0,
    createdAt: T0,
    sentAt: null,
    lastError: null,
    lastFailedAt: null,
    ...overrides,
  };
}

export function makeAudit(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: "audit-1",
    at: T0,
    actorId: "admin-1",
    action: "order.refund",
    targetType: "order",
    targetId: "order-1",
    reason: "damaged",
    requestId: "req-1",
    before: { status: "delivered", amounts: [1, 2], nested: { ok: true, none: null } },
    after: { status: "return_received" },
    ...overrides,
  };
}

export function makeIdempotency(overrides: Partial<IdempotencyRecord> = {}): IdempotencyRecord {
  return { userId: "user-1", scope: "place_order", key: "key-1", requestHash: "req-hash", resultId: "order-1", createdAt: T0, openSince: null, ...overrides };
}

/** A product `n` with one variant `var-n` holding `onHand` units at `priceMinor`. */
export function stockedProduct(n: number | string, options: { onHand?: number; priceMinor?: number } = {}): Product {
  return makeProduct({
    id: `prod-${n}`,
    slug: `product-${n}`,
    name: `Product ${n}`,
    variants: [
      makeVariant({ id: `var-${n}`, productId: `prod-${n}`, sku: `SKU-${n}`, price: inr(options.priceMinor ?? 1000), stock: { onHand: options.onHand ?? 5, reserved: 0 } }),
    ],
  });
}

/** Seeds a product through the handle and returns it. */
export async function seedProduct(db: DatabaseHandle, product: Product): Promise<Product> {
  await db.repos.products.create(product);
  return product;
}

/** Walks a listing page by page with `limit`, returning every page's items (to check order, size and completeness). */
export async function allPages<T>(fetch: (page: PageRequest) => Promise<Page<T>>, limit: number): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await fetch({ cursor, limit });
    pages.push([...page.items]);
    cursor = page.nextCursor;
    if (pages.length > 100) throw new Error("pagination does not terminate");
  } while (cursor !== null);
  return pages;
}

/** Rejects with whatever `promise` rejected with, or fails when it resolved. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection, but the promise resolved");
}

/** A deliberate failure after a write inside a unit of work, to prove rollback. */
export class Boom extends Error {
  override readonly name = "Boom";
}

/** The write must fail with the port's typed duplicate for `key`, not a driver error. */
export async function expectDuplicate(write: Promise<unknown>, key: UniqueKey): Promise<void> {
  const error = await rejection(write);
  expect(error).toBeInstanceOf(DuplicateKeyError);
  expect((error as DuplicateKeyError).key).toBe(key);
}
