import path from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { boundaries, coreForbiddenModules } from "./boundaries.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");

/** Lints probe code as if it lived at `file`, against exactly the boundary blocks the real config uses. */
async function lint(file, code) {
  const eslint = new ESLint({
    cwd: repoRoot,
    overrideConfigFile: true,
    overrideConfig: [{ files: ["**/*.ts", "**/*.tsx"], languageOptions: { parser: tseslint.parser } }, ...boundaries],
  });
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return result.messages.map((message) => message.ruleId);
}

describe("packages/core stays pure", () => {
  it.each([...coreForbiddenModules, "@trpc/server", "node:fs", "node:http", "fs"])("rejects importing %s", async (name) => {
    expect(await lint("packages/core/src/order/probe.ts", `import x from "${name}";\nexport default x;\n`)).toContain(
      "no-restricted-imports",
    );
  });

  it("rejects reading process at all", async () => {
    expect(await lint("packages/core/src/probe.ts", "export const mode = process.argv;\n")).toContain("no-restricted-globals");
  });

  it("accepts zod and its own modules", async () => {
    expect(await lint("packages/core/src/probe.ts", 'import { z } from "zod";\nimport { a } from "./a.js";\nexport const s = z.string().or(a);\n')).toEqual([]);
  });

  it("lets other packages import what core may not", async () => {
    expect(await lint("packages/db/src/probe.ts", 'import mongoose from "mongoose";\nexport default mongoose;\n')).toEqual([]);
  });
});

describe("only apps/api/src/env.ts reads process.env", () => {
  it.each(["apps/api/src/http/app.ts", "apps/web/src/main.tsx", "packages/db/src/index.ts"])("rejects it in %s", async (file) => {
    expect(await lint(file, "export const port = process.env.PORT;\n")).toContain("no-restricted-properties");
    expect(await lint(file, "const { env } = process;\nexport const port = env.PORT;\n")).toContain("no-restricted-syntax");
  });

  it("allows it in env.ts, in tests and in scripts", async () => {
    for (const file of ["apps/api/src/env.ts", "apps/api/test/test-env.ts", "packages/db/src/mongo/test-env.ts", "scripts/start.mjs"]) {
      expect(await lint(file, "export const port = process.env.PORT;\n")).toEqual([]);
    }
  });
});

describe("services own the logic; the layers above reach them only through each area's index", () => {
  const probe = (from) => `import { x } from "${from}";\nexport default x;\n`;

  it.each(["../../jobs/queues.js", "../../http/app.js", "../../routers/cart.router.js", "../../trpc/init.js", "../../rest/routes.js", "../../contract/orders.js"])(
    "rejects a service importing %s",
    async (from) => {
      expect(await lint("apps/api/src/services/orders/probe.ts", probe(from))).toContain("no-restricted-imports");
    },
  );

  it("holds for the services' own wiring too, which may import adapters", async () => {
    expect(await lint("apps/api/src/services/probe.ts", probe("../jobs/queues.js"))).toContain("no-restricted-imports");
    expect(await lint("apps/api/src/services/probe.ts", probe("../auth/tokens.js"))).toEqual([]);
  });

  it("rejects one area reaching into another's files, and accepts its index and its own files", async () => {
    expect(await lint("apps/api/src/services/checkout/probe.ts", probe("../orders/decide.js"))).toContain("no-restricted-imports");
    for (const from of ["../orders/index.js", "./fingerprint.js", "../../logger.js", "../../auth/totp.js"]) {
      expect(await lint("apps/api/src/services/checkout/probe.ts", probe(from))).toEqual([]);
    }
  });

  it("rejects routers, jobs and the edge reaching a service area's internals", async () => {
    for (const file of ["apps/api/src/routers/probe.ts", "apps/api/src/jobs/probe.ts", "apps/api/src/http/probe.ts"]) {
      expect(await lint(file, probe("../services/orders/decide.js"))).toContain("no-restricted-imports");
      expect(await lint(file, probe("../services/orders/index.js"))).toEqual([]);
      expect(await lint(file, probe("../services/index.js"))).toEqual([]);
    }
  });
});

describe("enum values are listed once, in core", () => {
  it.each([
    ["apps/api/src/contract/orders.ts", 'import { z } from "zod";\nexport const method = z.enum(["wallet", "card", "cod"]);\n'],
    ["apps/web/src/routes/probe.tsx", 'import { z } from "zod";\nexport const method = z.enum(["wallet", "card"]).optional();\n'],
    ["packages/db/src/mongo/models/probe.ts", 'export const schema = { method: { type: String, enum: ["wallet", "card", "cod"] } };\n'],
    ["apps/api/test/probe.test.ts", 'export const schema = { "enum": ["pending", "sent"] };\n'],
  ])("rejects a literal list in %s", async (file, code) => {
    expect(await lint(file, code)).toContain("bbscart/enum-lists-in-core");
  });

  it("accepts a list derived from core's, and literal lists in core itself", async () => {
    const derived = 'import { PAYMENT_METHODS } from "@bbscart/core";\nimport { z } from "zod";\nexport const a = z.enum(PAYMENT_METHODS);\nexport const b = { enum: PAYMENT_METHODS };\n';
    expect(await lint("apps/api/src/contract/orders.ts", derived)).toEqual([]);
    expect(await lint("packages/db/src/mongo/models/probe.ts", derived)).toEqual([]);
    const core = 'import { z } from "zod";\nexport const LIST = ["a", "b"] as const;\nexport const s = z.enum(["a", "b"]);\n';
    expect(await lint("packages/core/src/schemas/probe.ts", core)).toEqual([]);
  });

  it("leaves the API's settings to env.ts, the one place they are listed", async () => {
    expect(await lint("apps/api/src/env.ts", 'import { z } from "zod";\nexport const level = z.enum(["info", "debug"]);\n')).toEqual([]);
  });
});

describe("the repository's lint configuration", () => {
  it("applies every boundary block", async () => {
    const { default: config } = await import("./index.js");
    for (const block of boundaries) expect(config).toContain(block);
  });
});
