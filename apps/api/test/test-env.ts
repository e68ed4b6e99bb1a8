/** The variables API tests read; application code reads only src/env.ts. */
export const testEnv = {
  redisUrl: process.env.REDIS_URL || "redis://127.0.0.1:6379",
  /** A port nothing listens on, for "Redis is down" cases (never stop the shared Redis). */
  closedRedisUrl: "redis://127.0.0.1:1",
  /** The REST conformance suite's generator seed: a failure it reports repeats with the same seed. */
  conformanceSeed: Number(process.env.CONFORMANCE_SEED || 27),
  /** Generated requests per operation and caller (half valid, half invalid); three callers each. */
  conformanceCases: Number(process.env.CONFORMANCE_CASES || 24),
  /** Fuzzed calls per tRPC procedure and caller (generated, broken and hostile superjson envelopes). */
  trpcFuzzCases: Number(process.env.TRPC_FUZZ_CASES || 6),
};
