/**
 * The drill's topology: its own redis-server (AOF, fsync on every write) on a free port, two API
 * processes sharing one SQLite DATA_DIR, one worker, an in-process SMTP server and the webhook
 * relay (webhooks.mjs) that every API names as PUBLIC_URL. Every child is started here, killed or
 * stopped by its own pid, and restarted on the same port and folder.
 */
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { apiServer, repoRoot } from "../../bench/lib/paths.mjs";
import { freePort, start, stop, waitForHttp } from "../../bench/lib/procs.mjs";
import { apiEnv } from "../../bench/lib/store.mjs";
import { requireFromApi } from "./deps.mjs";

const apiWorker = path.join(repoRoot, "apps/api/dist/worker.js");

/** Debian's redis-server, installed with apt when it is missing and we may (root with apt-get). */
export function ensureRedisServer(log) {
  if (spawnSync("redis-server", ["--version"]).status === 0) return;
  const root = process.getuid?.() === 0;
  if (!root || spawnSync("apt-get", ["--version"]).status !== 0) {
    throw new Error("redis-server is not installed: apt-get install -y redis-server");
  }
  log("installing Debian's redis-server (apt-get install -y redis-server)");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "ignore", env });
  const installed = spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "redis-server"], { stdio: "ignore", env });
  if (installed.status !== 0) throw new Error("apt-get install -y redis-server failed");
}

/** True once Redis answers PING with PONG (not -LOADING while it replays its AOF). */
function redisPong(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let reply = "";
    const done = (value) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
    socket.once("error", () => done(false));
  });
}

/**
 * A child the drill kills and restarts: SIGKILL for a fault (no goodbye, as a crash), SIGTERM with
 * `graceMs` for the end of the run (the process drains as in production).
 */
class Part {
  constructor(graceMs) {
    this.graceMs = graceMs;
    this.child = null;
  }

  async kill() {
    this.child.kill("SIGKILL");
    await this.child.exited;
  }

  async close() {
    if (this.child) await stop(this.child, this.graceMs);
  }
}

/** The drill's own redis-server: persistence on (AOF, fsync always), so a SIGKILL loses no acknowledged write. */
export class OwnRedis extends Part {
  constructor(dir, port) {
    super(2_000);
    this.dir = dir;
    this.port = port;
    this.url = `redis://127.0.0.1:${port}`;
    this.logFile = path.join(dir, "redis.log");
  }

  static async start(dir) {
    const redis = new OwnRedis(dir, await freePort());
    fs.mkdirSync(path.join(dir, "redis"), { recursive: true });
    await redis.resume();
    return redis;
  }

  async resume() {
    const argv = ["redis-server", "--port", String(this.port), "--bind", "127.0.0.1", "--dir", path.join(this.dir, "redis"), "--appendonly", "yes", "--appendfsync", "always", "--save", ""];
    this.child = start(argv, { logFile: this.logFile });
    const deadline = Date.now() + 10_000;
    while (!(await redisPong(this.port))) {
      if (this.child.exitCode !== null) throw new Error(`redis-server exited; see ${this.logFile}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on ${this.port}; see ${this.logFile}`);
      await delay(50);
    }
  }
}

/**
 * Settings that make recovery happen within a run (README's configuration table): short queue locks
 * and stall checks, fast retries, a relay and reconciliation every second or two; limits raised
 * because every virtual client comes from 127.0.0.1.
 */
export function drillEnv({ redis, redisPrefix, smtpUrl, publicUrl }) {
  return {
    REDIS_URL: redis.url,
    REDIS_PREFIX: redisPrefix,
    PUBLIC_URL: publicUrl,
    // Pooled (nodemailer's `pool=true`): smtp-server delays every greeting by 100 ms, so a connection
    // per message would make the test inbox, not the shop, set how fast the outbox drains.
    SMTP_URL: `${smtpUrl}?pool=true`,
    LOG_LEVEL: "warn",
    SHUTDOWN_TIMEOUT_MS: "3000",
    LOGIN_FAILS_PER_ACCOUNT_IP: "1000",
    LOGIN_FAILS_PER_ACCOUNT: "100000",
    AUTH_CALLS_PER_IP_PER_MINUTE: "1000000",
    AUTH_CALLS_PER_ACCOUNT_PER_MINUTE: "1000000",
    QUEUE_LOCK_MS: "2000",
    QUEUE_STALLED_INTERVAL_MS: "1000",
    NOTIFICATION_BACKOFF_MS: "200",
    PAYMENTS_BACKOFF_MS: "200",
    ORDER_EXPIRY_BACKOFF_MS: "200",
    OUTBOX_RELAY_INTERVAL_MS: "1000",
    PAYMENTS_CLAIM_STALE_MS: "3000",
    PAYMENTS_RELAY_EVERY_MS: "1000",
    PAYMENTS_RELAY_AFTER_MS: "2000",
    RECONCILE_EVERY_MS: "2000",
    RECONCILE_AFTER_MS: "3000",
  };
}

/** One API process on a fixed port (kept across restarts, so clients and the relay find it again). */
export class ApiProcess extends Part {
  constructor(store, name, port, env) {
    super(5_000);
    this.store = store;
    this.name = name;
    this.port = port;
    this.env = env;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.logFile = path.join(store.dir, `${name}.log`);
    this.up = false;
  }

  async start() {
    this.child = start([process.execPath, apiServer], { env: apiEnv(this.store, this.port, this.env), logFile: this.logFile, cwd: repoRoot });
    await waitForHttp(`${this.baseUrl}/readyz`, this.child, { logFile: this.logFile, timeoutMs: 30_000 });
    this.up = true;
  }

  /** @override */
  kill() {
    this.up = false;
    return super.kill();
  }

  /** @override */
  close() {
    this.up = false;
    return super.close();
  }
}

/** The worker process; "ready" once its log says so (it has no port). */
export class WorkerProcess extends Part {
  constructor(store, env) {
    super(5_000);
    this.store = store;
    this.env = env;
    this.logFile = path.join(store.dir, "worker.log");
  }

  async start() {
    const from = fs.existsSync(this.logFile) ? fs.statSync(this.logFile).size : 0;
    // At info level, so its "worker ready" line is written (API processes log only warnings).
    this.child = start([process.execPath, apiWorker], { env: apiEnv(this.store, 0, { ...this.env, LOG_LEVEL: "info" }), logFile: this.logFile, cwd: repoRoot });
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`worker exited at start; see ${this.logFile}`);
      const text = fs.readFileSync(this.logFile).subarray(from).toString("utf8");
      if (text.includes('"worker ready"')) return;
      if (Date.now() > deadline) throw new Error(`worker not ready after 30 s; see ${this.logFile}`);
      await delay(100);
    }
  }
}

/** An SMTP server (smtp-server) in this process that keeps every message with its Message-ID and recipients. */
export async function startSmtp() {
  const { SMTPServer } = requireFromApi("smtp-server");
  const received = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // No DNS on this machine: skip the reverse lookup of every connecting client.
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on("data", (chunk) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const header = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
        received.push({
          messageId: /^Message-ID:\s*(.+)$/im.exec(header)?.[1]?.trim() ?? null,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          subject: /^Subject:\s*(.+)$/im.exec(header)?.[1]?.trim() ?? "",
          at: Date.now(),
        });
        callback();
      });
    },
  });
  // A sender killed mid-session resets its connection: that is the drill working, not an error.
  server.on("error", () => undefined);
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    received,
    close: () => /** @type {Promise<void>} */ (new Promise((resolve) => server.close(() => resolve()))),
  };
}
