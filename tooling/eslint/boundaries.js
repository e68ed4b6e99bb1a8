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

/** The API layers above the services: a service that reached up into one would turn the data flow around. */
const layersAboveServices = ["jobs", "http", "routers", "trpc", "rest", "contract"];

const noLayerAboveServices = {
  regex: `^(\\.\\./)+(${layersAboveServices.join("|")})/`,
  message: "Services never import jobs, http, routers, trpc, rest or the output contract: they are called by them.",
};

const serviceInternalsMessage =
  "Reach a service area through its public index.js (services/<area>/index.js); its other files are its own.";

const processEnvMessage =
  "Only apps/api/src/env.ts reads process.env; take configuration from the validated env object.";

/** @param {import("estree").Node | null | undefined} node */
const isStringLiteral = (node) => node?.type === "Literal" && typeof node.value === "string";

/**
 * A list of enum values written out where core's `as const` list should be used: the first
 * argument of any `.enum([...])` call (zod) or the value of an `enum: [...]` property (mongoose),
 * when it names a string literal.
 * @type {import("eslint").Rule.RuleModule}
 */
const enumListsInCore = {
  meta: {
    type: "problem",
    messages: {
      literal:
        "Enum values are listed once, `as const` in packages/core (e.g. PAYMENT_METHODS); derive this schema or model from that list.",
    },
    schema: [],
  },
  create(context) {
    /** @param {import("estree").Node | null | undefined} list */
    const check = (list) => {
      if (list?.type === "ArrayExpression" && list.elements.some(isStringLiteral)) context.report({ node: list, messageId: "literal" });
    };
    return {
      CallExpression(node) {
        const callee = node.callee;
        const name = callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" ? callee.property.name : null;
        if (name === "enum") check(node.arguments[0]);
      },
      Property(node) {
        const key = node.key.type === "Identifier" ? node.key.name : node.key.type === "Literal" ? node.key.value : null;
        if (key === "enum") check(node.value);
      },
    };
  },
};

/** @type {import("eslint").Linter.Config[]} */
export const boundaries = [
  {
    // One list per enum: core owns it; schemas, the output contract and models derive from it.
    // env.ts lists the values of settings, which are the API's own and written nowhere else.
    files: ["apps/**/*.{ts,tsx}", "packages/**/*.ts"],
    ignores: ["packages/core/**", "apps/api/src/env.ts"],
    plugins: { bbscart: { rules: { "enum-lists-in-core": enumListsInCore } } },
    rules: { "bbscart/enum-lists-in-core": "error" },
  },
  {
    // Services own the logic; the layers above call them, never the other way round.
    files: ["apps/api/src/services/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noLayerAboveServices] }] },
  },
  {
    files: ["apps/api/src/services/*/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        // `../<area>/<file>` from inside another area: only that area's index.js is public.
        { patterns: [noLayerAboveServices, { regex: "^\\.\\./(?!\\.)[^/]+/(?!index\\.js$)", message: serviceInternalsMessage }] },
      ],
    },
  },
  {
    files: ["apps/api/src/**/*.ts"],
    ignores: ["apps/api/src/services/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "(^|/)services/[^/]+/(?!index\\.js$)", message: serviceInternalsMessage }] }],
    },
  },
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
