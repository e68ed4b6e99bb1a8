/**
 * The V8 heap settings of every process the shop runs (API and worker), chosen from the measured
 * working set rather than left to V8's defaults, which size the heap from the machine's memory and
 * let a busy API grow past 300 MiB before a full collection (decision 106, docs/deployment.md).
 * The Dockerfile and apps/api's start scripts carry the same flags; apps/api/test/heap-settings.test.ts
 * keeps them equal.
 */
export const HEAP_FLAGS = Object.freeze(["--max-old-space-size=160", "--max-semi-space-size=16"]);

/**
 * `env` with NODE_OPTIONS starting with {@link HEAP_FLAGS}. The operator's own NODE_OPTIONS comes
 * after them, and V8 takes the last of a repeated flag, so a setting they choose wins.
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
export function withHeapSettings(env) {
  return { ...env, NODE_OPTIONS: [...HEAP_FLAGS, env.NODE_OPTIONS].filter(Boolean).join(" ") };
}
