/**
 * The V8 heap settings of every process the shop runs (API and worker), chosen from the measured
 * working set rather than left to V8's defaults, which size the heap from the machine's memory and
 * let a busy API grow past 300 MiB before a full collection (decision 106, docs/deployment.md).
 * The Dockerfile and apps/api's start scripts carry the same flags; apps/api/test/heap-settings.test.ts
 * keeps them equal.
 */
export const HEAP_FLAGS = Object.freeze(["--max-old-space-size=160", "--max-semi-space-size=16", "--v8-pool-size=0"]);

/**
 * glibc's allocator settings (decision 144), read once at process start. With its defaults glibc keeps
 * the memory of a burst long after it: one malloc arena per thread (image decodes on libvips' threads),
 * and a threshold for handing big blocks straight to the kernel that rises to the size of every big
 * block freed, so a burst of sign-ins (argon2 takes 19 MiB per password check, four at a time on
 * libuv's threads) left an API ~80 MiB larger for good. Two arenas, and blocks of 1 MiB or more always
 * mapped and unmapped: the memory goes back. The Dockerfile carries the same values.
 */
export const MALLOC_SETTINGS = Object.freeze({ MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "1048576" });

/**
 * `env` with NODE_OPTIONS starting with {@link HEAP_FLAGS} and glibc's {@link MALLOC_SETTINGS}. The
 * operator's own NODE_OPTIONS comes after the flags, and V8 takes the last of a repeated flag, so a
 * setting they choose wins; a glibc variable they set is kept as theirs.
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
export function withHeapSettings(env) {
  return { ...MALLOC_SETTINGS, ...env, NODE_OPTIONS: [...HEAP_FLAGS, env.NODE_OPTIONS].filter(Boolean).join(" ") };
}
