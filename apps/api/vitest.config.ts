import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The MongoDB lane's suites run by `test:emulator` (vitest.mongo.config.ts), after the parallel ones.
    exclude: [...configDefaults.exclude, "test/**/*.mongo.test.ts"],
    // HTTP suites run real servers, Redis and SQLite beside the other suites on 2 cores; concurrency
    // cases (200 checkouts) take seconds when the machine is busy.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
