/**
 * Architecture boundaries, enforced by lint so a violation fails `npm test`.
 * Kept apart from the style rules so a test can lint probe code against exactly these blocks.
 */

/** Framework, driver and I/O modules the pure domain core must never import. */
export const coreForbiddenModules = [
  "express",
  "mongoose",
  "mongodb",
  "better-sqlite3",
  "bullmq",
  "ioredis",
  "stripe",
  "nodemailer",
  "jsonwebtoken",
];

const nodeIoModules = [
  "fs",
  "fs/promises",
  "net",
  "http",
  "https",
  "http2",
  "child_process",
  "dgram",
  "dns",
  "tls",
  "worker_threads",
  "cluster",
  "os",
  "process",
  "crypto",
];

const processEnvMessage =
  "Only apps/api/src/env.ts reads process.env; take configuration from the validated env object.";

/** @type {import("eslint").Linter.Config[]} */
export const boundaries = [
  {
    files: ["packages/core/src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [...coreForbiddenModules, ...nodeIoModules].map((name) => ({
            name,
            message: "packages/core is pure: no frameworks, drivers or I/O. Put this behind a port.",
          })),
          patterns: [
            { group: ["@trpc/*"], message: "packages/core may not depend on tRPC." },
            { group: ["node:*"], message: "packages/core is pure: no Node.js I/O modules." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "packages/core is pure: pass configuration in." },
      ],
    },
  },
  {
    files: ["apps/*/src/**/*.{ts,tsx}", "packages/*/src/**/*.ts"],
    // Tests read their variables through a small test-env module of their own.
    ignores: ["apps/api/src/env.ts", "**/test-env.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: processEnvMessage },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']",
          message: processEnvMessage,
        },
      ],
    },
  },
];
