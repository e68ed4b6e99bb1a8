import { defineConfig } from "vitest/config";

/**
 * The API's MongoDB lane (`npm run test:emulator`): the money flows over HTTP on the MongoDB adapter,
 * on the jongodb emulator or on the replica set MONGODB_URI names (ADR 084). Apart from the default
 * suite, which runs on SQLite beside the other suites: the emulator starved of CPU drops connections.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.mongo.test.ts"],
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
