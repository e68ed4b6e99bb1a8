import { timingSafeEqual, createHash } from "node:crypto";
import type { UnitOfWorkObserver } from "@bbscart/core";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { QueueHealth } from "../services/operations/index.js";

/** Seconds; from a cached catalog answer (well under 5 ms) to a checkout waiting out a busy database. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds; a unit of work is one group commit away from done, or waits for the write lock. */
const UOW_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** The queue counts a scrape shows. `completed` is left out: BullMQ trims it, so it says nothing about health. */
const QUEUE_STATES = ["waiting", "active", "delayed", "failed"] as const;

/**
 * One process's Prometheus metrics (ADR 051): HTTP request durations by route template, queue
 * depths read at scrape time, database units of work and retries, and Node's own process metrics.
 * Each process (API, worker) has its own registry, so tests can run several in one process.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Histogram({
    name: "bbscart_http_request_duration_seconds",
    help: "HTTP requests by method, route template (never a raw path) and status class, from arrival to the last byte sent.",
    labelNames: ["method", "route", "status_class"] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });
  private readonly unitsOfWork = new Histogram({
    name: "bbscart_db_unit_of_work_duration_seconds",
    help: "Database units of work (transactions) by engine and outcome, from the call to the commit or rollback, lock waits and re-runs included.",
    labelNames: ["engine", "outcome"] as const,
    buckets: UOW_BUCKETS,
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: "bbscart_db_transaction_retries_total",
    help: "Transactions tried again: write_conflict (MongoDB re-ran the unit) or busy (another process held SQLite's write lock).",
    labelNames: ["engine", "reason"] as const,
    registers: [this.registry],
  });
  private readonly busyWait = new Counter({
    name: "bbscart_db_busy_wait_seconds_total",
    help: "Time spent waiting for another process's SQLite write lock before retrying.",
    labelNames: ["engine"] as const,
    registers: [this.registry],
  });
  private readonly queueJobs = new Gauge({
    name: "bbscart_queue_jobs",
    help: "Jobs per queue and state, read from Redis at scrape time (absent while Redis cannot be read).",
    labelNames: ["queue", "state"] as const,
    registers: [this.registry],
  });
  private readonly queuesUp = new Gauge({
    name: "bbscart_queue_redis_up",
    help: "1 when the queue counts were read from Redis for this scrape, 0 when Redis did not answer in time.",
    registers: [this.registry],
  });
  private readonly tokenDigest: Buffer;
  private queues: { health: QueueHealth; timeoutMs: number } | null = null;

  constructor(token: string) {
    this.tokenDigest = digest(token);
    collectDefaultMetrics({ register: this.registry });
  }

  /** Whether an `Authorization` header carries the scrape token (compared in constant time). */
  authorizes(header: string | undefined): boolean {
    const match = /^Bearer (.+)$/.exec(header ?? "");
    return match !== null && timingSafeEqual(digest(match[1]!), this.tokenDigest);
  }

  /** The adapters' hook for one engine's units of work: two clock reads and one observation per unit. */
  database(engine: string): UnitOfWorkObserver {
    const settled = this.unitsOfWork.labels({ engine, outcome: "committed" });
    const rolledBack = this.unitsOfWork.labels({ engine, outcome: "rolled_back" });
    return {
      settled: (seconds, outcome) => (outcome === "committed" ? settled : rolledBack).observe(seconds),
      retried: (reason, waitedSeconds) => {
        this.retries.inc({ engine, reason });
        if (waitedSeconds > 0) this.busyWait.inc({ engine }, waitedSeconds);
      },
    };
  }

  observeRequest(labels: { method: string; route: string; statusClass: string }, seconds: number): void {
    this.requests.observe({ method: labels.method, route: labels.route, status_class: labels.statusClass }, seconds);
  }

  /** Queue depths are read at each scrape through the port admins use, never waiting longer than `timeoutMs`. */
  watchQueues(health: QueueHealth, timeoutMs: number): void {
    this.queues = { health, timeoutMs };
  }

  /**
   * The exposition text. Redis being down never fails a scrape: the queue gauges are dropped (a
   * stale depth would read as current) and `bbscart_queue_redis_up` says 0.
   */
  async render(): Promise<string> {
    if (this.queues) await this.readQueues(this.queues.health, this.queues.timeoutMs);
    return this.registry.metrics();
  }

  private async readQueues(health: QueueHealth, timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`queue counts took longer than ${timeoutMs} ms`)), timeoutMs);
    });
    this.queueJobs.reset();
    try {
      const counts = await Promise.race([health.counts(), timeout]);
      for (const queue of counts) for (const state of QUEUE_STATES) this.queueJobs.set({ queue: queue.queue, state }, queue[state]);
      this.queuesUp.set(1);
    } catch {
      this.queuesUp.set(0);
    } finally {
      clearTimeout(timer);
    }
  }
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** The process's metrics when the configuration turns them on; null keeps every hook a no-op. */
export function metricsFrom(env: { METRICS_ENABLED: boolean; METRICS_TOKEN?: string | undefined }): Metrics | null {
  return env.METRICS_ENABLED && env.METRICS_TOKEN ? new Metrics(env.METRICS_TOKEN) : null;
}
