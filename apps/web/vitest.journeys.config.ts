import { defineConfig } from "vitest/config";

// The serial stage: one built server and one browser shared by every journey file, files one at a time.
export default defineConfig({
  test: {
    include: ["e2e/**/*.journey.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    fileParallelism: false,
    // A journey is a whole shopper's session in a real browser on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
