/**
 * What the drill asserts once the system is quiet, from independent sources: its own log of
 * acknowledged responses, the database read straight from the engine (store.mjs: SQLite read-only
 * through better-sqlite3, or MongoDB's collections; not through the API), the SMTP server's inbox,
 * the webhook relay's log and the drill's own Redis. Each check returns
 * { id, name, ok, summary, problems[] }; `summary` is what a person reads in the table.
 */
import { requireFromApi } from "./deps.mjs";

const Redis = requireFromApi("ioredis").default ?? requireFromApi("ioredis");

/** The queues the worker serves (apps/api/src/jobs/queues.ts). */
export const QUEUES = ["order-expiry", "notifications", "outbox-relay", "payments"];
const PROBLEMS_SHOWN = 5;

/** Stock per variant, as the drill records it before the load starts. */
export async function stockSnapshot(store) {
  return new Map((await store.variants()).map((v) => [v.id, v]));
}

/** Who reconciliation's repairs are recorded as (apps/api/src/services/payments/reconcile.ts). */
const RECONCILIATION_ACTOR = "system:reconciliation";

const statusEntries = (order) => order.details.history.filter((h) => h.kind === "status");
const reached = (order, status) => statusEntries(order).some((h) => h.to === status);

function check(id, name, problems, summary) {
  return { id, name, ok: problems.length === 0, summary, problems: problems.slice(0, PROBLEMS_SHOWN), problemCount: problems.length };
}

/** 1. Every acknowledged order exists once, as acknowledged; no key made two orders; acknowledged actions happened. */
function ordersCheck(orders, acks) {
  const problems = [];
  const byId = new Map(orders.map((o) => [o.id, o]));
  for (const ack of acks.orders) {
    const order = byId.get(ack.orderId);
    if (!order) problems.push(`acknowledged order ${ack.orderId} (key ${ack.idempotencyKey}) is missing`);
    else if (order.user_id !== ack.userId || order.idempotency_key !== ack.idempotencyKey || order.total_minor !== ack.totalMinor) {
      problems.push(`order ${ack.orderId} differs from its acknowledgement (total ${order.total_minor} vs ${ack.totalMinor}, key ${order.idempotency_key} vs ${ack.idempotencyKey})`);
    }
  }
  const ackedKeys = new Map();
  for (const ack of acks.orders) {
    const key = `${ack.userId}/${ack.idempotencyKey}`;
    if (ackedKeys.has(key) && ackedKeys.get(key) !== ack.orderId) problems.push(`key ${ack.idempotencyKey} was acknowledged with two orders`);
    ackedKeys.set(key, ack.orderId);
  }
  const perKey = new Map();
  for (const order of orders) {
    const key = `${order.user_id}/${order.idempotency_key}`;
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
  }
  const twice = [...perKey].filter(([, n]) => n > 1);
  for (const [key, n] of twice) problems.push(`idempotency key ${key} made ${n} orders`);
  for (const ack of acks.transitions) {
    const order = byId.get(ack.orderId);
    if (!order || !statusEntries(order).some((h) => h.event === ack.event)) problems.push(`acknowledged ${ack.event} of order ${ack.orderId} is not in its history`);
  }
  for (const ack of acks.shopperCancels) {
    if (byId.get(ack.orderId)?.status !== "cancelled") problems.push(`acknowledged cancellation of ${ack.orderId}, but it is ${byId.get(ack.orderId)?.status}`);
  }
  const summary = `${acks.orders.length} acknowledged orders, ${orders.length} in the database, ${twice.length} keys with two orders; ${acks.transitions.length + acks.shopperCancels.length} acknowledged transitions looked up in the history`;
  return check(1, "orders: acknowledged exist exactly once", problems, summary);
}

/**
 * 2. For every variant: initial stock = available + reserved + committed − restocked, never negative.
 * Committed: orders that reached confirmed; restocked: those cancelled after confirmation and
 * the approved units of returns received with restock; reserved must also equal what pending orders hold.
 */
function stockCheck(variants, orders, initial) {
  const problems = [];
  const committed = new Map();
  const restocked = new Map();
  const held = new Map();
  const add = (map, id, q) => map.set(id, (map.get(id) ?? 0) + q);
  for (const order of orders) {
    const confirmed = reached(order, "confirmed");
    const cancelledAfterConfirm = statusEntries(order).some((h) => h.to === "cancelled" && h.from !== "pending_payment");
    for (const line of order.details.lines) {
      if (confirmed) add(committed, line.variantId, line.quantity);
      if (cancelledAfterConfirm) add(restocked, line.variantId, line.quantity);
      if (order.status === "pending_payment") add(held, line.variantId, line.quantity);
    }
    for (const ret of order.details.returns) {
      if (ret.status !== "received" || ret.restocked !== true) continue;
      for (const line of ret.lines) if (line.approved === true) add(restocked, line.variantId, line.quantity);
    }
  }
  let touched = 0;
  for (const v of variants) {
    const before = initial.get(v.id);
    if (!before) {
      problems.push(`variant ${v.sku} appeared during the run`);
      continue;
    }
    const available = v.on_hand - v.reserved;
    const c = committed.get(v.id) ?? 0;
    const r = restocked.get(v.id) ?? 0;
    if (c > 0 || v.reserved > 0) touched += 1;
    const initialStock = before.on_hand;
    if (available < 0 || v.reserved < 0) problems.push(`${v.sku}: available ${available}, reserved ${v.reserved} (negative)`);
    if (initialStock !== available + v.reserved + c - r) {
      problems.push(`${v.sku}: initial ${initialStock} ≠ available ${available} + reserved ${v.reserved} + committed ${c} − restocked ${r} = ${available + v.reserved + c - r}`);
    }
    if (v.reserved - before.reserved !== (held.get(v.id) ?? 0)) problems.push(`${v.sku}: reserved ${v.reserved}, but pending orders hold ${held.get(v.id) ?? 0}`);
  }
  const units = [...committed.values()].reduce((a, b) => a + b, 0);
  const back = [...restocked.values()].reduce((a, b) => a + b, 0);
  return check(2, "stock: initial = available + reserved + committed − restocked", problems, `${variants.length} variants (${touched} touched): ${units} units committed, ${back} restocked`);
}

/** 3. Every wallet's cached balance equals the sum of its transfers and is not negative; acknowledged adjustments are in the ledger. */
function walletCheck(transfers, cached, acks) {
  const problems = [];
  const derived = new Map();
  for (const t of transfers) {
    derived.set(t.credit_account, (derived.get(t.credit_account) ?? 0) + t.amount_minor);
    derived.set(t.debit_account, (derived.get(t.debit_account) ?? 0) - t.amount_minor);
  }
  const wallets = new Set([...derived.keys(), ...cached.keys()].filter((a) => a.startsWith("wallet:")));
  let total = 0;
  for (const account of wallets) {
    const balance = cached.get(account) ?? 0;
    const sum = derived.get(account) ?? 0;
    total += balance;
    if (balance !== sum) problems.push(`${account}: balance ${balance} ≠ Σ transfers ${sum}`);
    if (balance < 0 || sum < 0) problems.push(`${account}: negative (balance ${balance}, Σ transfers ${sum})`);
  }
  const byId = new Map(transfers.map((t) => [t.id, t]));
  for (const ack of acks.adjustments) {
    const t = byId.get(ack.transferId);
    const wallet = `wallet:${ack.userId}`;
    const right = t && t.amount_minor === Math.abs(ack.amountMinor) && (ack.amountMinor > 0 ? t.credit_account === wallet : t.debit_account === wallet);
    if (!right) problems.push(`acknowledged adjustment ${ack.transferId} (${ack.amountMinor}) is not in the ledger as acknowledged`);
  }
  const overdraws = acks.adjustments.filter((a) => a.label === "overdraw").length;
  if (overdraws > 0) problems.push(`${overdraws} debits larger than any balance were acknowledged`);
  return check(3, "wallets: balance = Σ transfers, none negative", problems, `${wallets.size} wallets (Σ ${total} paise) against their ledger; ${acks.adjustments.length} acknowledged adjustments looked up`);
}

/** 4. Every order's captured − refunded equals its ledger transfers; acknowledged payments and refunds are booked. */
function paymentsCheck(transfers, orders, acks) {
  const problems = [];
  const ledger = new Map();
  for (const t of transfers.filter((each) => ["order_payment", "cod_collection", "refund"].includes(each.kind))) {
    const entry = ledger.get(t.reference) ?? { captured: 0, refunded: 0, ids: new Set() };
    if (t.kind === "refund") entry.refunded += t.amount_minor;
    else entry.captured += t.amount_minor;
    entry.ids.add(t.id);
    ledger.set(t.reference, entry);
  }
  const byId = new Map(orders.map((o) => [o.id, o]));
  let captured = 0;
  let refunded = 0;
  let pending = 0;
  for (const order of orders) {
    const p = order.details.payment;
    const booked = ledger.get(order.id) ?? { captured: 0, refunded: 0 };
    const settled = p.refunds.filter((r) => r.status === "succeeded").reduce((a, r) => a + r.amount.minor, 0);
    const open = p.refunds.filter((r) => r.status === "pending");
    const notFailed = p.refunds.filter((r) => r.status !== "failed").reduce((a, r) => a + r.amount.minor, 0);
    captured += p.captured.minor;
    refunded += settled;
    pending += open.length;
    if (p.captured.minor - p.refunded.minor !== booked.captured - booked.refunded) {
      problems.push(`order ${order.id}: captured ${p.captured.minor} − refunded ${p.refunded.minor} ≠ ledger ${booked.captured} − ${booked.refunded}`);
    }
    if (p.captured.minor !== booked.captured || settled !== booked.refunded) problems.push(`order ${order.id}: ledger books ${booked.captured}/${booked.refunded}, payment says ${p.captured.minor}/${settled}`);
    if (p.refunded.minor !== notFailed) problems.push(`order ${order.id}: refunded ${p.refunded.minor} ≠ Σ refunds ${notFailed}`);
    if (p.refunded.minor > p.captured.minor || p.captured.minor > order.total_minor) problems.push(`order ${order.id}: refunded ${p.refunded.minor} > captured ${p.captured.minor} or captured > total ${order.total_minor}`);
    for (const r of open) problems.push(`order ${order.id}: refund ${r.id} of ${r.amount.minor} still pending at the provider`);
  }
  for (const ack of acks.cardPayments) {
    const order = byId.get(ack.orderId);
    if (!order || order.details.payment.captured.minor !== order.total_minor) {
      problems.push(`card payment of order ${ack.orderId} succeeded at the provider but the order captured ${order?.details.payment.captured.minor ?? "nothing"}`);
    }
  }
  for (const ack of acks.orders.filter((a) => a.paymentMethod === "wallet")) {
    const order = byId.get(ack.orderId);
    if (order && order.details.payment.captured.minor !== order.total_minor) problems.push(`wallet order ${ack.orderId} acknowledged but captured ${order.details.payment.captured.minor}`);
  }
  for (const ack of acks.refunds) {
    const refund = byId.get(ack.orderId)?.details.payment.refunds.find((r) => r.id === ack.refundId);
    if (!refund || refund.amount.minor !== ack.amountMinor || refund.status !== "succeeded" || !ledger.get(ack.orderId)?.ids.has(`refund:${ack.refundId}`)) {
      problems.push(`acknowledged refund ${ack.refundId} of ${ack.amountMinor} on ${ack.orderId} is ${refund ? `${refund.status}` : "missing"}${refund && !ledger.get(ack.orderId)?.ids.has(`refund:${ack.refundId}`) ? " and not in the ledger" : ""}`);
    }
  }
  const summary = `${orders.length} orders (captured ${captured}, refunded ${refunded} paise) against the ledger; ${acks.cardPayments.length} acknowledged card payments, ${acks.refunds.length} acknowledged refunds looked up; ${pending} refunds pending`;
  return check(4, "payments: captured − refunded = ledger", problems, summary);
}

/** The Message-ID the API gives an outbox message (apps/api/src/notifications/message-id.ts). */
const messageIdOf = (outboxId) => `<${outboxId.replaceAll(":", "-")}@bbscart>`;

/** 5. Every confirmed order's confirmation email reached the SMTP server; repeats only as same-Message-ID copies. */
function emailCheck(emails, emailOutbox, orders, inbox) {
  const problems = [];
  const byMessageId = new Map();
  for (const mail of inbox) {
    if (!mail.messageId) problems.push(`a message without Message-ID reached SMTP (${mail.subject})`);
    else byMessageId.set(mail.messageId, [...(byMessageId.get(mail.messageId) ?? []), mail]);
  }
  const outbox = new Map(emailOutbox.map((m) => [messageIdOf(m.id), m]));
  const confirmed = orders.filter((o) => reached(o, "confirmed"));
  for (const order of confirmed) {
    const outboxId = `order:${order.id}:confirmed:email`;
    const copies = byMessageId.get(messageIdOf(outboxId)) ?? [];
    if (copies.length === 0) problems.push(`confirmation of order ${order.id}: no message ${messageIdOf(outboxId)} reached SMTP (outbox: ${outbox.get(messageIdOf(outboxId))?.status ?? "no message"})`);
    else if (!copies.every((mail) => mail.to.includes(emails.get(order.user_id)))) problems.push(`confirmation of order ${order.id} went to ${copies[0].to.join(", ")}`);
  }
  for (const messageId of byMessageId.keys()) if (!outbox.has(messageId)) problems.push(`SMTP received ${messageId}, which no outbox message carries`);
  // Copies of one message are the one allowed kind of repeat: a second message for the same event would carry another id.
  const repeats = [...byMessageId.values()].filter((copies) => copies.length > 1);
  const extra = repeats.reduce((a, copies) => a + copies.length - 1, 0);
  return check(5, "email: every confirmation delivered", problems, `${confirmed.length} confirmed orders; ${inbox.length} messages received, ${extra} same-Message-ID copies of ${repeats.length}`);
}

/** 6. No BullMQ job left in `active` (read from the drill's Redis, under its prefix, with every process stopped). */
async function queuesCheck(redisUrl, prefix) {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  try {
    const problems = [];
    const parts = [];
    for (const queue of QUEUES) {
      const key = (name) => `${prefix}:${queue}:${name}`;
      const [active, wait, failed, completed] = await Promise.all([redis.lrange(key("active"), 0, -1), redis.llen(key("wait")), redis.zcard(key("failed")), redis.zcard(key("completed"))]);
      for (const id of active) problems.push(`${queue}: job ${id} stuck in active`);
      parts.push(`${queue} ${active.length}/${wait}/${failed}/${completed}`);
    }
    return check(6, "queues: no job stuck in active", problems, `active/wait/failed/completed: ${parts.join(", ")}`);
  } finally {
    redis.disconnect();
  }
}

/** 7. No stored webhook event left unprocessed, and every event the provider sent was stored (but those the relay dropped on purpose). */
function webhooksCheck(rows, relay) {
  const problems = [];
  const stored = new Set(rows.map((r) => r.id));
  for (const row of rows) {
    if (!row.processed) problems.push(`event ${row.id} is ${row.status} after ${row.attempts} attempts${row.last_error ? `: ${row.last_error}` : ""}`);
  }
  for (const [id, event] of relay.events) if (!event.dropped && !stored.has(id)) problems.push(`event ${id} sent by the provider was never stored`);
  const s = relay.stats;
  return check(
    7,
    "webhooks: every stored event processed",
    problems,
    `${rows.length} events stored; ${s.duplicatesPosted} re-posted (${s.duplicatesAcknowledged} acknowledged as duplicates), ${s.late} delivered after a newer event, ${s.dropped} lost on purpose`,
  );
}

/**
 * 8. No request was answered 500, shopper, admin or webhook: while a process or Redis is down the API
 * answers 503 with Retry-After (or the connection fails), never an unexplained internal error.
 * @param {{ failures: Record<string, number> }} stats
 * @param {{ stats: { serverErrors: number } }} relay
 */
function serverErrorsCheck(stats, relay) {
  const problems = [];
  const answered500 = stats.failures["HTTP 500"] ?? 0;
  if (answered500 > 0) problems.push(`${answered500} client request(s) answered 500 (see api-*.log with --keep)`);
  if (relay.stats.serverErrors > 0) problems.push(`${relay.stats.serverErrors} webhook post(s) answered 500`);
  const outages = stats.failures["HTTP 503"] ?? 0;
  return check(8, "errors: no request answered 500", problems, `${outages} answered 503 (a dependency down), none 500`);
}

/**
 * 9. Wallet top-ups: every top-up the card page confirmed is credited exactly once, to its shopper,
 * for its amount — also those whose webhook the relay lost on purpose, which only reconciliation
 * can have repaired (its audit entry names the intent); nothing is credited that no top-up started,
 * and no paid top-up is left open.
 */
function topUpsCheck(transfers, topUps, repairs, acks, relay) {
  const problems = [];
  const credits = new Map();
  for (const t of transfers.filter((each) => each.kind === "top_up")) credits.set(t.reference, [...(credits.get(t.reference) ?? []), t]);
  const started = new Map(topUps.map((r) => [r.intent_id, r]));
  const repaired = new Set(repairs.filter((r) => r.action === "payment.reconcile.top_up_credited").map((r) => r.target_id));
  let lost = 0;
  for (const ack of acks.topUps) {
    const booked = credits.get(ack.intentId) ?? [];
    if (booked.length !== 1) problems.push(`top-up ${ack.intentId} of ${ack.amountMinor} was paid but credited ${booked.length} times`);
    else if (booked[0].amount_minor !== ack.amountMinor || booked[0].credit_account !== `wallet:${ack.userId}`) {
      problems.push(`top-up ${ack.intentId}: credited ${booked[0].amount_minor} to ${booked[0].credit_account}, paid ${ack.amountMinor} by ${ack.userId}`);
    }
    if (started.get(ack.intentId)?.open !== false) problems.push(`top-up ${ack.intentId} was paid but is ${started.has(ack.intentId) ? "still open" : "not recorded"}`);
    if (relay.droppedIntents.has(ack.intentId)) {
      lost += 1;
      if (!repaired.has(ack.intentId)) problems.push(`top-up ${ack.intentId}: its webhook was lost, yet no reconciliation record credits it`);
    }
  }
  for (const [intentId, booked] of credits) {
    const record = started.get(intentId);
    if (!record) problems.push(`${booked.length} credit(s) for intent ${intentId}, which no top-up started`);
    else if (booked.some((t) => t.credit_account !== `wallet:${record.user_id}`)) problems.push(`intent ${intentId} credited another wallet than ${record.user_id}'s`);
  }
  const total = acks.topUps.reduce((a, t) => a + t.amountMinor, 0);
  const summary = `${acks.topUps.length} paid top-ups (Σ ${total} paise), ${lost} of them with their webhook lost and ${repaired.size} credited by reconciliation; ${credits.size} intents credited, each once`;
  return check(9, "top-ups: paid = credited exactly once", problems, summary);
}

/**
 * 10. Intents the provider cancelled while their order waited: each order was released at once by
 * the cancel itself (`payment_cancelled` in its history, not the expiry), captured nothing and holds
 * no stock (check 2 counts what pending orders hold). Razorpay cannot cancel an Order, so its drill
 * has none.
 */
function cancelledIntentsCheck(orders, acks, provider) {
  const problems = [];
  const byId = new Map(orders.map((o) => [o.id, o]));
  for (const ack of acks.providerCancels) {
    const order = byId.get(ack.orderId);
    const release = order && statusEntries(order).find((h) => h.to === "cancelled");
    if (!order || order.status !== "cancelled") problems.push(`intent ${ack.intentId} was cancelled at the provider, but order ${ack.orderId} is ${order?.status ?? "missing"}`);
    else if (release?.event !== "payment_cancelled") problems.push(`order ${ack.orderId} was released by ${release?.event}, not by its intent's cancel`);
    else if (order.details.payment.captured.minor !== 0) problems.push(`order ${ack.orderId} was released by its intent's cancel after capturing ${order.details.payment.captured.minor}`);
  }
  const summary =
    provider === "razorpay"
      ? "none: Razorpay Orders cannot be cancelled at the provider"
      : `${acks.providerCancels.length} intents cancelled at the provider; each order released at once by the cancel, its stock back`;
  return check(10, "cancelled intents: order released at once", problems, summary);
}

/** 11. One cart per owner: no shopper (or guest) holds two carts. */
function cartsCheck(shared) {
  const problems = shared.map((s) => `${s.owner} holds ${s.carts} carts`);
  return check(11, "carts: one per owner", problems, `${shared.length} owners with more than one cart`);
}

export async function runChecks({ store, acks, initialStock, inbox, redisUrl, redisPrefix, relay, stats, provider }) {
  const [orders, variants, transfers, balances, emails, emailOutbox, events, topUps, repairs, shared] = await Promise.all([
    store.orders(),
    store.variants(),
    store.transfers(),
    store.walletBalances(),
    store.userEmails(),
    store.emailOutbox(),
    store.webhookEvents(),
    store.topUps(),
    store.auditActions(RECONCILIATION_ACTOR),
    store.cartsPerOwner(),
  ]);
  return [
    ordersCheck(orders, acks),
    stockCheck(variants, orders, initialStock),
    walletCheck(transfers, balances, acks),
    paymentsCheck(transfers, orders, acks),
    emailCheck(emails, emailOutbox, orders, inbox),
    await queuesCheck(redisUrl, redisPrefix),
    webhooksCheck(events, relay),
    serverErrorsCheck(stats, relay),
    topUpsCheck(transfers, topUps, repairs, acks, relay),
    cancelledIntentsCheck(orders, acks, provider),
    cartsCheck(shared),
  ];
}

/**
 * What is still in flight: unsent outbox messages, unprocessed webhook events, pending refunds,
 * unconfirmed paid orders, paid top-ups not yet credited, orders whose intent the provider cancelled
 * still waiting.
 */
export async function backlog(store, acks) {
  const [outbox, events, orders, transfers] = await Promise.all([store.unsentOutbox(), store.webhookEvents(), store.orders(), store.transfers()]);
  const webhooks = events.filter((e) => e.status !== "processed").length;
  const byId = new Map(orders.map((o) => [o.id, o]));
  const refunds = orders.reduce((n, o) => n + o.details.payment.refunds.filter((r) => r.status === "pending").length, 0);
  const unconfirmed = acks.cardPayments.filter((a) => byId.get(a.orderId)?.details.payment.captured.minor === 0).length;
  const credited = new Set(transfers.filter((t) => t.kind === "top_up").map((t) => t.reference));
  const uncredited = acks.topUps.filter((t) => !credited.has(t.intentId)).length;
  const unreleased = acks.providerCancels.filter((c) => byId.get(c.orderId)?.status === "pending_payment").length;
  return { outbox, webhooks, refunds, unconfirmed, uncredited, unreleased, total: outbox + webhooks + refunds + unconfirmed + uncredited + unreleased };
}
