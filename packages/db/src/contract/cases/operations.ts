import type { AuditQuery } from "@bbscart/core";
import { makeSettings } from "@bbscart/core/testing";
import { expect, it } from "vitest";
import type { ContractContext } from "../context.js";
import { allPages, at, expectDuplicate, makeAudit, makeIdempotency, makeOutbox, makeReset, makeSession, makeWebhook } from "../fixtures.js";

export function operationsCases(context: ContractContext): void {
  it("webhooks: intake is exactly once; an event is claimed while received or failed, never twice at once", async () => {
    const { webhooks } = context.db.repos;
    await webhooks.insert(makeWebhook());
    expect(await webhooks.find("evt_1")).toEqual(makeWebhook());
    await expectDuplicate(webhooks.insert(makeWebhook({ type: "other" })), "webhook_events.id");
    expect(await webhooks.claimForProcessing("evt_1", at(1), at(0))).toBe(true);
    expect(await webhooks.find("evt_1")).toMatchObject({ status: "processing", attempts: 1, claimedAt: at(1) });
    expect(await webhooks.claimForProcessing("evt_1", at(2), at(0))).toBe(false);
    await webhooks.markFailed("evt_1", "timeout", at(3));
    expect(await webhooks.find("evt_1")).toMatchObject({ status: "failed", attempts: 1, lastError: "timeout", lastFailedAt: at(3) });
    expect(await webhooks.claimForProcessing("evt_1", at(4), at(0))).toBe(true);
    await webhooks.markProcessed("evt_1", at(5));
    expect(await webhooks.find("evt_1")).toMatchObject({ status: "processed", attempts: 2, processedAt: at(5), claimedAt: at(4), lastError: null, lastFailedAt: at(3) });
    // Processed is final, however old its claim.
    expect(await webhooks.claimForProcessing("evt_1", at(6), at(6))).toBe(false);
    expect(await webhooks.claimForProcessing("missing", at(6), at(0))).toBe(false);
  });

  it("webhooks: an event stuck in processing since before staleBefore is claimed again, once", async () => {
    const { webhooks } = context.db.repos;
    await webhooks.insert(makeWebhook({ status: "processing", attempts: 1, claimedAt: at(10) }));
    // Claimed at 10: still live for a cut-off at 10 (not before it), stale for one at 11.
    expect(await webhooks.claimForProcessing("evt_1", at(20), at(10))).toBe(false);
    expect(await webhooks.find("evt_1")).toMatchObject({ status: "processing", attempts: 1, claimedAt: at(10) });
    const claims = await Promise.all([1, 2, 3].map(() => webhooks.claimForProcessing("evt_1", at(20), at(11))));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await webhooks.find("evt_1")).toMatchObject({ status: "processing", attempts: 2, claimedAt: at(20) });
    // The new claim is live again for the same cut-off.
    expect(await webhooks.claimForProcessing("evt_1", at(21), at(11))).toBe(false);
  });

  it("webhooks: listed newest first, optionally by status, in pages", async () => {
    const { webhooks } = context.db.repos;
    for (let i = 0; i < 5; i++) await webhooks.insert(makeWebhook({ id: `evt_${i}`, receivedAt: at(i), status: i % 2 ? "failed" : "received" }));
    const all = await allPages((page) => webhooks.list({ ...page, status: null }), 2);
    expect(all.map((items) => items.map((e) => e.id))).toEqual([["evt_4", "evt_3"], ["evt_2", "evt_1"], ["evt_0"]]);
    expect((await allPages((page) => webhooks.list({ ...page, status: "failed" }), 1)).flat().map((e) => e.id)).toEqual(["evt_3", "evt_1"]);
  });

  it("outbox: enqueue is insert-if-absent; sent and failed are recorded; listed by status in pages", async () => {
    const { outbox } = context.db.repos;
    expect(await outbox.enqueue(makeOutbox())).toBe(true);
    expect(await outbox.enqueue(makeOutbox({ attempts: 9 }))).toBe(false);
    expect(await outbox.find("order:o1:placed:email")).toEqual(makeOutbox());
    await outbox.enqueue(makeOutbox({ id: "order:o1:placed:sms", channel: "sms", createdAt: at(1) }));
    await outbox.enqueue(makeOutbox({ id: "order:o2:placed:email", createdAt: at(2) }));
    await outbox.markFailed("order:o1:placed:sms", "smtp down", at(3));
    await outbox.markFailed("order:o1:placed:sms", "smtp still down", at(4));
    await outbox.markSent("order:o1:placed:email", at(5));
    expect(await outbox.find("order:o1:placed:sms")).toMatchObject({ status: "failed", attempts: 2, lastError: "smtp still down", lastFailedAt: at(4) });
    expect(await outbox.find("order:o1:placed:email")).toMatchObject({ status: "sent", sentAt: at(5) });
    const all = await allPages((page) => outbox.list({ ...page, status: null }), 2);
    expect(all.map((items) => items.map((m) => m.id))).toEqual([["order:o2:placed:email", "order:o1:placed:sms"], ["order:o1:placed:email"]]);
    expect((await outbox.list({ cursor: null, limit: 5, status: "pending" })).items.map((m) => m.id)).toEqual(["order:o2:placed:email"]);

    // Only a failed message can be discarded, once; a sent or pending one is left as it is.
    expect(await outbox.markDiscarded("order:o1:placed:sms")).toBe(true);
    expect(await outbox.markDiscarded("order:o1:placed:sms")).toBe(false);
    expect(await outbox.markDiscarded("order:o1:placed:email")).toBe(false);
    expect(await outbox.markDiscarded("order:o2:placed:email")).toBe(false);
    expect(await outbox.find("order:o1:placed:sms")).toMatchObject({ status: "discarded", attempts: 2 });
    expect((await outbox.list({ cursor: null, limit: 5, status: "discarded" })).items.map((m) => m.id)).toEqual(["order:o1:placed:sms"]);
  });

  it("audit: entries keep their snapshots and are listed newest first by actor, action, target and time", async () => {
    const { audit } = context.db.repos;
    await audit.append(makeAudit());
    await audit.append(makeAudit({ id: "audit-2", at: at(1), actorId: "admin-2", action: "user.disable", targetType: "user", targetId: "user-9", reason: null, requestId: null }));
    await audit.append(makeAudit({ id: "audit-3", at: at(2) }));
    const query: AuditQuery = { cursor: null, limit: 10, actorId: null, action: null, targetType: null, targetId: null, from: null, to: null };
    expect((await audit.list(query)).items).toEqual([
      makeAudit({ id: "audit-3", at: at(2) }),
      makeAudit({ id: "audit-2", at: at(1), actorId: "admin-2", action: "user.disable", targetType: "user", targetId: "user-9", reason: null, requestId: null }),
      makeAudit(),
    ]);
    const ids = async (filter: Partial<AuditQuery>) => (await allPages((page) => audit.list({ ...query, ...filter, ...page }), 1)).flat().map((e) => e.id);
    expect(await ids({ actorId: "admin-1" })).toEqual(["audit-3", "audit-1"]);
    expect(await ids({ action: "user.disable" })).toEqual(["audit-2"]);
    expect(await ids({ targetType: "order", targetId: "order-1" })).toEqual(["audit-3", "audit-1"]);
    expect(await ids({ from: at(1), to: at(2) })).toEqual(["audit-2"]);
  });

  it("settings: absent until saved, then replaced whole", async () => {
    const { settings } = context.db.repos;
    expect(await settings.get()).toBeNull();
    await settings.save(makeSettings({ storeName: "Asha's", codEnabled: false }));
    expect(await settings.get()).toEqual(makeSettings({ storeName: "Asha's", codEnabled: false }));
    await settings.save(makeSettings({ deliveryOptions: [] }));
    expect(await settings.get()).toEqual(makeSettings({ deliveryOptions: [] }));
  });

  it("retention: prunes only delivered, processed, claimed-long-ago and ended records older than the cut-off, in batches", async () => {
    const { db } = context;
    const { outbox, webhooks, idempotency, sessions, passwordResets } = db.repos;
    const statuses = ["pending", "sent", "failed", "discarded"] as const;
    for (const [i, status] of statuses.entries()) {
      await outbox.enqueue(makeOutbox({ id: `old-${status}`, status, createdAt: at(i) }));
      await outbox.enqueue(makeOutbox({ id: `new-${status}`, status, createdAt: at(100 + i) }));
    }
    for (const status of ["received", "processing", "processed", "failed"] as const) {
      await webhooks.insert(makeWebhook({ id: `evt_old_${status}`, status, receivedAt: at(1) }));
    }
    await webhooks.insert(makeWebhook({ id: "evt_new_processed", status: "processed", receivedAt: at(100) }));
    await idempotency.claim(makeIdempotency({ key: "old", createdAt: at(1) }));
    await idempotency.claim(makeIdempotency({ key: "new", createdAt: at(100) }));
    await idempotency.claim(makeIdempotency({ scope: "wallet_top_up", key: "open", createdAt: at(1), openSince: at(1) }));
    await sessions.create(makeSession({ id: "ended", tokenHash: "h-ended", expiresAt: at(1) }));
    await sessions.create(makeSession({ id: "live", tokenHash: "h-live", expiresAt: at(100) }));
    await passwordResets.create(makeReset({ id: "ended", tokenHash: "r-ended", expiresAt: at(1) }));
    await passwordResets.create(makeReset({ id: "live", tokenHash: "r-live", expiresAt: at(100) }));
    const cutOff = at(50);

    // A batch stops at its limit; the next takes the rest; then nothing is left to take.
    expect(await db.retention.prune("delivered_messages", cutOff, 1)).toBe(1);
    expect(await db.retention.prune("delivered_messages", cutOff, 10)).toBe(1);
    expect(await db.retention.prune("delivered_messages", cutOff, 10)).toBe(0);
    const left = (await allPages((page) => outbox.list({ ...page, status: null }), 20)).flat().map((m) => m.id).sort();
    expect(left).toEqual(["new-discarded", "new-failed", "new-pending", "new-sent", "old-failed", "old-pending"]);

    expect(await db.retention.prune("processed_webhook_events", cutOff, 10)).toBe(1);
    expect(await webhooks.find("evt_old_processed")).toBeNull();
    for (const id of ["evt_old_received", "evt_old_processing", "evt_old_failed", "evt_new_processed"]) expect(await webhooks.find(id)).not.toBeNull();

    expect(await db.retention.prune("idempotency_keys", cutOff, 10)).toBe(1);
    expect(await idempotency.find("user-1", makeIdempotency().scope, "old")).toBeNull();
    expect(await idempotency.find("user-1", makeIdempotency().scope, "new")).not.toBeNull();
    expect(await idempotency.find("user-1", "wallet_top_up", "open")).not.toBeNull();

    expect(await db.retention.prune("ended_sessions", cutOff, 10)).toBe(1);
    expect(await sessions.findByHash("h-ended")).toBeNull();
    expect(await sessions.findByHash("h-live")).not.toBeNull();
    expect(await db.retention.prune("ended_password_resets", cutOff, 10)).toBe(1);
    expect(await passwordResets.findByHash("r-ended")).toBeNull();
    expect(await passwordResets.findByHash("r-live")).not.toBeNull();
  });
}
