/**
 * The history generator: a year of a busy shop's records, written into a seeded SQLite store in
 * exactly the shape the shop writes them, for the `history` target of `npm run bench`.
 *
 * How: every record goes through the database's own repositories (`db.uow.run`, the same prepared
 * INSERT/UPDATE statements the API runs), and every decision is the real code's — core's `checkout`,
 * `applyOrderEvent`, `recordPaymentSuccess`, `settleRefund`, `topUpTransfer`, the API's `applyEffects`
 * (stock, ledger postings), `issueTaxDocuments` (GST documents, decision 150) and `auditSnapshot` —
 * called with a `now` in the past. The fast path, for
 * time: where the shop writes a record and then updates it, the generator writes the record once in
 * the state those updates leave it in, through the same insert — an order by `orders.create` in its
 * final state (its history, payment and versions as the compare-and-set saves would leave them),
 * outbox rows as sent (`enqueue` + the relay's `markSent`), webhook events as processed (`insert` +
 * the worker's claim and mark). The rows are the same; only the pages' churn is missing (which
 * VACUUM removes anyway), and writes are grouped, many orders per transaction, `synchronous=NORMAL`.
 *
 * What (seeded, so one size is the same file every run):
 *  - `customers` shoppers (default 50,000; names, emails, Indian phones and one address each),
 *    of whom `heavy` (default 50) place a tenth of all orders between them;
 *  - `orders` orders placed evenly over the 365 days before `now`, 1–3 lines of the demo catalog:
 *    half by card (a payment intent, its `payment_intent.succeeded` webhook; 4 % never paid and
 *    expired), a quarter by wallet (topped up by card first when the balance is short: an open
 *    `wallet_top_up` key, its webhook, the credit), a quarter cash on delivery;
 *  - a GST document for every order when it is confirmed (a bill of supply while the store is not
 *    registered, a tax invoice once it is) and a credit note for every refund, as the shop issues them;
 *  - every order's idempotency key; 3 % cancelled by the shopper before packing; the rest packed,
 *    shipped and delivered by the admin 1, 2 and 4 days after placement (what lies in the future of
 *    `now` has not happened yet); 5 % of delivered orders returned (requested, approved, received,
 *    refunded to the wallet or the card).
 *
 * Returns what the target needs to read it back: counts by status, the first heavy customer's
 * credentials, order numbers and emails to search for.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./paths.mjs";
import { load } from "./scale.mjs";

export const HISTORY_SHOPPER_PASSWORD = "history-shopper-password-1";
const DAY = 86_400_000;
/** First names; the target searches customers for the first one ("aarav"). */
const FIRST = ["Aarav", "Vivaan", "Aditya", "Ananya", "Diya", "Ishaan", "Kavya", "Meera", "Rohan", "Saanvi", "Arjun", "Priya", "Rahul", "Sneha", "Vikram", "Lakshmi", "Karthik", "Neha", "Siddharth", "Pooja", "Harish", "Divya", "Manoj", "Asha", "Farhan", "Zoya", "Gurpreet", "Nikhil", "Tanvi", "Yash"];
const LAST = ["Sharma", "Iyer", "Reddy", "Nair", "Gupta", "Patel", "Khan", "Singh", "Das", "Menon", "Rao", "Joshi", "Kulkarni", "Chatterjee", "Pillai", "Verma", "Bose", "Mehta", "Shetty", "Naidu"];
const CITIES = [
  ["Bengaluru", "KA", "5600"],
  ["Mumbai", "MH", "4000"],
  ["Chennai", "TN", "6000"],
  ["Hyderabad", "TG", "5000"],
  ["Kolkata", "WB", "7000"],
  ["New Delhi", "DL", "1100"],
  ["Pune", "MH", "4110"],
  ["Jaipur", "RJ", "3020"],
];

const hex = (random, n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join("");
/** A UUID v4 from the seeded generator, in the API's id format (`randomUUID`). */
const uuid = (random) => `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${"89ab"[Math.floor(random() * 4)]}${hex(random, 3)}-${hex(random, 12)}`;

/** The API's own modules (built), loaded from its dist folder. */
const apiModule = (file) => import(pathToFileURL(path.join(repoRoot, "apps/api/dist", file)).href);

/**
 * Writes the history into the store at `dataDir` (seeded already: settings, catalog and the demo
 * admin, by the API's seed script).
 * @param {{ dataDir: string; orders: number; customers?: number; heavy?: number; now?: Date; seed?: number; log?: (line: string) => void }} options
 */
export async function generateHistory({ dataDir, orders, customers = 50_000, heavy = 50, now = new Date(), seed = 28, log = () => {} }) {
  const core = await load("@bbscart/core");
  const { openDatabase } = await load("@bbscart/db");
  const { seededRandom } = await load("@bbscart/db", "seed");
  const { applyEffects } = await apiModule("services/orders/effects.js");
  const { auditSnapshot } = await apiModule("services/orders/admin-view.js");
  const { issueTaxDocuments } = await apiModule("services/invoices/issue.js");
  const { hashPassword } = await apiModule("auth/passwords.js");
  if (!(customers > heavy && heavy >= 1)) throw new RangeError(`history: ${customers} customers cannot include ${heavy} heavy ones and others`);
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];

  const db = await openDatabase({ dataDir, sqliteSynchronous: "NORMAL" });
  try {
    const settings = (await db.repos.settings.get()) ?? core.defaultStoreSettings;
    const admin = await db.repos.users.findByEmail("admin@bbscart.local");
    if (!admin) throw new Error("history: the store has no demo admin; seed it first");
    // The actor the API builds for a signed-in admin, as its decisions and timeline record it.
    const adminActor = core.actorFor(admin);
    if (!adminActor) throw new Error("history: the demo admin is disabled");
    const catalog = [];
    for (let cursor = null; ; ) {
      const page = await db.repos.products.search({ cursor, limit: 100, search: null, categoryId: null, minPriceMinor: null, maxPriceMinor: null, inStock: null, sort: "newest", includeInactive: false });
      for (const product of page.items) for (const variant of product.variants) if (variant.active) catalog.push({ product, variant });
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    if (catalog.length === 0) throw new Error("history: the store has no active variants");
    const delivery = settings.deliveryOptions[0];

    // Shoppers. One real argon2 hash (of a known password, so the target can sign the first heavy
    // customer in), shared by all: the row is the same size as a hash per customer.
    const passwordHash = await hashPassword(HISTORY_SHOPPER_PASSWORD);
    const users = [];
    const USER_BATCH = 2_000;
    for (let start = 0; start < customers; start += USER_BATCH) {
      const batch = [];
      for (let i = start; i < Math.min(customers, start + USER_BATCH); i++) {
        const first = pick(FIRST);
        const last = pick(LAST);
        const [city, state, pin] = pick(CITIES);
        const phone = `+919${String(800_000_000 + i).padStart(9, "0")}`;
        const joined = new Date(now.getTime() - 400 * DAY + Math.floor(random() * 380 * DAY));
        batch.push({
          id: uuid(random),
          email: `${first}.${last}.${i}@example.in`.toLowerCase(),
          name: `${first} ${last}`,
          phone,
          passwordHash,
          role: "shopper",
          permissions: [],
          disabled: false,
          addresses: [{ id: uuid(random), label: "Home", name: `${first} ${last}`, phone, line1: `${1 + (i % 300)} ${pick(LAST)} Street`, line2: null, city, state, postalCode: `${pin}${String(i % 100).padStart(2, "0")}`, country: "IN" }],
          totp: null,
          createdAt: joined,
          updatedAt: joined,
        });
      }
      await db.uow.run(async (repos) => {
        for (const user of batch) await repos.users.create(user);
      });
      users.push(...batch);
    }
    log(`history: ${customers} customers written`);

    // Stock for a year of orders: the admin's counted corrections, as `adjustStock` makes them.
    await db.uow.run(async (repos) => {
      for (const { variant } of catalog) await repos.inventory.restock(variant.id, orders * 4);
    });

    const balances = new Map();
    const tally = Object.fromEntries(core.ORDER_STATUSES.map((s) => [s, 0]));
    /** @type {{ numbers: string[]; orderIds: string[] }} */
    const samples = { numbers: [], orderIds: [] };
    const span = 365 * DAY;
    const from = now.getTime() - span;
    const ORDER_BATCH = 250;
    const started = Date.now();

    for (let start = 0; start < orders; start += ORDER_BATCH) {
      await db.uow.run(async (repos) => {
        /**
         * A decision's effects, through the API's `applyEffects` (stock, ledger), except its
         * notifications: their outbox rows are written as the relay leaves them, sent a few seconds
         * later (the row `enqueue` then `markSent` make, in one write).
         */
        const effects = async (list, t) => {
          const applied = await applyEffects(repos, list.filter((e) => e.type !== "notify"), { now: new Date(t), currency: settings.currency });
          if (!applied.ok) throw new Error(`history: an effect was refused: ${JSON.stringify(applied.error)}`);
          for (const effect of list) {
            if (effect.type !== "notify") continue;
            for (const message of core.outboxMessagesFor(effect.notification, core.CHANNELS, new Date(t))) {
              await repos.outbox.enqueue({ ...message, status: "sent", sentAt: new Date(t + 3_000) });
            }
          }
        };
        const webhook = (type, object, t) =>
          repos.webhooks.insert({
            id: `evt_${hex(random, 24)}`,
            provider: "stripe",
            type,
            payload: JSON.stringify({ id: `evt_${hex(random, 24)}`, object: "event", created: Math.floor(t / 1000), livemode: false, pending_webhooks: 1, type, data: { object } }),
            receivedAt: new Date(t),
            status: "processed",
            attempts: 1,
            claimedAt: new Date(t + 50),
            lastError: null,
            lastFailedAt: null,
            processedAt: new Date(t + 120),
          });
        /**
         * One decision as `decide` makes it: its effects, then the admin's audit entry. The order
         * itself is written once, in its final state, when its life so far is decided (below).
         */
        const step = async (order, transition, t, auditAction) => {
          const result = core.expectOk(transition, "history");
          await effects(result.effects, t);
          await issueTaxDocuments(repos, { before: order, after: result.order }, new Date(t));
          if (auditAction) {
            await repos.audit.append({
              id: uuid(random),
              at: new Date(t),
              actorId: admin.id,
              requestId: uuid(random),
              action: auditAction,
              targetType: "order",
              targetId: order.id,
              reason: null,
              before: auditSnapshot(order),
              after: auditSnapshot(result.order),
            });
          }
          return { order: result.order, refunds: result.afterCommit.filter((call) => call.type === "refund") };
        };

        for (let i = start; i < Math.min(orders, start + ORDER_BATCH); i++) {
          const placedAt = from + Math.floor(((i + random()) / orders) * span);
          // The first order is the first heavy customer's, so the target always has a history to read
          // back as them (500 orders over 50 heavy customers left them none with some seeds).
          const user = i === 0 ? users[0] : random() < 0.1 ? users[Math.floor(random() * Math.min(heavy, users.length))] : users[Math.min(heavy, users.length - 1) + Math.floor(random() * Math.max(1, users.length - heavy))];
          const roll = random();
          const method = roll < 0.5 ? "card" : roll < 0.75 ? "wallet" : "cod";
          const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(catalog))
            .filter((entry, index, all) => all.findIndex((e) => e.variant.id === entry.variant.id) === index)
            .map(({ product, variant }) => ({
              variantId: variant.id,
              productId: product.id,
              sku: variant.sku,
              name: `${product.name} — ${variant.name}`,
              quantity: 1 + Math.floor(random() * 2),
              unitPrice: variant.price,
              taxRateBp: core.taxRateFor(product, settings.taxRateBp),
            }));
          const totals = core.expectOk(core.priceLines({ currency: settings.currency, lines, coupon: null, delivery }), "history pricing");
          const checkoutKey = `chk_${hex(random, 20)}`;

          if (method === "wallet" && (balances.get(user.id) ?? 0) < totals.total.minor) {
            // A card top-up first, as the wallet page makes it: key → intent, the webhook, the credit.
            const t = placedAt - 120_000;
            const amount = core.money(Math.ceil(totals.total.minor / 50_000) * 50_000, settings.currency);
            const intentId = `pi_${hex(random, 24)}`;
            const key = `top_${hex(random, 16)}`;
            await repos.idempotency.claim({ userId: user.id, scope: "wallet_top_up", key, requestHash: `${amount.minor} ${amount.currency}`, resultId: intentId, createdAt: new Date(t), openSince: new Date(t) });
            await webhook("payment_intent.succeeded", { id: intentId, object: "payment_intent", amount: amount.minor, amount_received: amount.minor, currency: amount.currency.toLowerCase(), status: "succeeded", metadata: { purpose: "top_up", topUpId: key, customerId: user.id } }, t + 30_000);
            const notice = { template: "wallet_credited", userId: user.id, dedupeKey: `topup:${intentId}`, data: { amountMinor: String(amount.minor) } };
            await effects([{ type: "post_transfers", transfers: [core.topUpTransfer({ userId: user.id, amount, paymentIntentId: intentId, now: new Date(t + 30_000) })] }, { type: "notify", notification: notice }], t + 30_000);
            await repos.idempotency.close(user.id, "wallet_top_up", key);
            balances.set(user.id, (balances.get(user.id) ?? 0) + amount.minor);
          }

          // Checkout, as checkoutService.placeOnce writes it.
          const decided = core.expectOk(
            core.checkout({
              orderId: uuid(random),
              orderNumber: core.orderNumber(await repos.orders.nextNumber()),
              userId: user.id,
              guest: null,
              totals,
              address: user.addresses[0],
              paymentMethod: method,
              idempotencyKey: checkoutKey,
              now: new Date(placedAt),
              settings,
              walletBalance: method === "wallet" ? core.money(balances.get(user.id) ?? 0, settings.currency) : null,
            }),
            "history checkout",
          );
          let order = decided.order;
          await effects(decided.effects, placedAt);
          await issueTaxDocuments(repos, { before: null, after: order }, new Date(placedAt));
          await repos.idempotency.claim({ userId: user.id, scope: "place_order", key: checkoutKey, requestHash: hex(random, 64), resultId: order.id, createdAt: new Date(placedAt), openSince: null });
          if (method === "wallet") balances.set(user.id, (balances.get(user.id) ?? 0) - order.total.minor);

          const systemActor = (process) => ({ kind: "system", process });
          const context = (actor, t) => ({ actor, now: new Date(t), settings });
          let t = placedAt;
          const due = (offset) => placedAt + offset <= now.getTime();
          let refundsToSettle = [];
          const advance = async (transition, when, auditAction) => {
            const result = await step(order, transition, when, auditAction);
            order = result.order;
            refundsToSettle = result.refunds;
          };

          if (method === "card") {
            const intentId = `pi_${hex(random, 24)}`;
            order = core.attachPaymentIntent(order, intentId);
            if (random() < 0.04) {
              // Never paid: the expiry job cancels it when its time is up.
              const expiry = order.expiresAt.getTime();
              if (expiry <= now.getTime()) await advance(core.applyOrderEvent(order, { type: "expire" }, context(systemActor("order-expiry"), expiry)), expiry, null);
            } else {
              t = placedAt + 60_000 + Math.floor(random() * 240_000);
              await webhook("payment_intent.succeeded", { id: intentId, object: "payment_intent", amount: order.total.minor, amount_received: order.total.minor, currency: order.currency.toLowerCase(), status: "succeeded", metadata: { orderId: order.id } }, t);
              await advance(core.recordPaymentSuccess(order, { amount: order.total, ref: intentId, actor: systemActor("payments"), now: new Date(t), settings }), t, null);
            }
          }

          if (order.status === "confirmed") {
            if (random() < 0.03) {
              t += 30 * 60_000 + Math.floor(random() * 6 * 3_600_000);
              if (t <= now.getTime()) await advance(core.applyOrderEvent(order, { type: "cancel", reason: "ordered by mistake" }, context({ kind: "shopper", userId: user.id }, t)), t, null);
            } else {
              const fulfilment = [
                { offset: DAY, event: { type: "pack" }, action: "order.pack" },
                { offset: 2 * DAY, event: { type: "ship", carrier: "Delhivery", trackingNumber: `DL${String(10_000_000 + i)}` }, action: "order.ship" },
                { offset: 4 * DAY, event: { type: "deliver" }, action: "order.deliver" },
              ];
              for (const { offset, event, action } of fulfilment) {
                const when = placedAt + offset + Math.floor(random() * 3_600_000);
                if (!due(offset + 3_600_000)) break;
                await advance(core.applyOrderEvent(order, event, context(adminActor, when)), when, action);
              }
              if (order.status === "delivered" && random() < 0.05 && due(8 * DAY)) {
                const asked = placedAt + 5 * DAY;
                await advance(core.applyOrderEvent(order, { type: "request_return", lines: order.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })), reason: "no_longer_needed", note: null }, context({ kind: "shopper", userId: user.id }, asked)), asked, null);
                const open = order.returns.find((r) => r.status === "requested");
                const approve = { type: "approve_return", lines: open.lines.map((l) => ({ variantId: l.variantId, approve: true })), destination: order.payment.method === "card" ? "card" : "wallet", override: null };
                await advance(core.applyOrderEvent(order, approve, context(adminActor, asked + DAY)), asked + DAY, "order.approve_return");
                const received = asked + 3 * DAY;
                await advance(core.applyOrderEvent(order, { type: "receive_return", restock: true }, context(adminActor, received)), received, "order.receive_return");
                // A card refund goes to the provider; its webhook settles it.
                for (const call of refundsToSettle) {
                  const settled = received + 600_000;
                  await webhook("charge.refunded", { id: `ch_${hex(random, 24)}`, object: "charge", payment_intent: call.intentId, amount_refunded: call.amount.minor, currency: call.amount.currency.toLowerCase(), metadata: { refundId: call.refundId } }, settled);
                  await advance(core.settleRefund(order, { refundId: call.refundId, now: new Date(settled) }), settled, null);
                }
                if (order.payment.method !== "card") balances.set(user.id, (balances.get(user.id) ?? 0) + order.payment.refunded.minor);
              }
            }
          }
          await repos.orders.create(order);
          tally[order.status] += 1;
          if (i % Math.max(1, Math.floor(orders / 20)) === 7) {
            samples.numbers.push(order.number);
            samples.orderIds.push(order.id);
          }
        }
      });
      if ((start / ORDER_BATCH) % 40 === 39) log(`history: ${start + ORDER_BATCH} of ${orders} orders (${Math.round((start + ORDER_BATCH) / ((Date.now() - started) / 1000))} orders/s)`);
    }

    // The owner's rollups, rebuilt once as `npm run db:rollups:rebuild` does: the API would
    // otherwise rebuild them in the background at start-up, in the middle of the measurements.
    await rebuildRollups(db);

    const [heavyShopper, another] = users;
    // Checked at the start (more customers than heavy ones, at least one heavy): both exist.
    if (!heavyShopper || !another) throw new Error("history: no customers were written");
    return {
      orders,
      customers,
      heavy,
      tally,
      shopper: { email: heavyShopper.email, password: HISTORY_SHOPPER_PASSWORD, userId: heavyShopper.id },
      searchEmail: another.email,
      customerSearch: "aarav",
      samples,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await db.close();
  }
}

/**
 * Brings the owner's rollups up to date with the API's own rebuild (decision 132), from its build.
 * @param {any} db
 */
async function rebuildRollups(db) {
  const { rebuildSalesRollups } = await import(pathToFileURL(path.join(repoRoot, "apps/api/dist/services/reports/rollups.service.js")).href);
  await rebuildSalesRollups(db, { daysPerBatch: 31 });
}
