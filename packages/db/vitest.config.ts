import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Contract cases are integration tests against real engines (and an emulator in a child process);
    // on a 2-core machine running the other suites beside them, seconds per case are normal.
    testTimeout: 30_000,
    // One file at a time: each MongoDB file runs its own emulator process, and two emulators plus the
    // SQLite multi-process cases on 2 cores starved the emulator into dropped connections.
    fileParallelism: false,
    hookTimeout: 60_000,
  },
});
