import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Contract cases are integration tests against real engines (and an emulator in a child process);
    // on a 2-core machine running the other suites beside them, seconds per case are normal.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
