import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dockerfileProblems, parseDockerfile, stageEnvironment, type ImageContext } from "./dockerfile.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const manifest = JSON.parse(read("package.json")) as { workspaces: string[]; engines: { node: string } };

/** The root package.json's workspace patterns (`apps/*`, `deploy`) expanded to folders with a package.json. */
const workspaces = manifest.workspaces
  .flatMap((pattern) =>
    pattern.endsWith("/*")
      ? readdirSync(path.join(root, pattern.slice(0, -2))).map((folder) => `${pattern.slice(0, -2)}/${folder}`)
      : [pattern],
  )
  .filter((folder) => existsSync(path.join(root, folder, "package.json")));

const context: ImageContext = { workspaces, engines: manifest.engines.node, dockerignore: read(".dockerignore"), today: new Date() };

describe("Dockerfile", () => {
  it("keeps every image rule: multi-stage on a supported LTS, manifests before npm ci, pruned, non-root, healthcheck, ignores", () => {
    expect(workspaces).toEqual(expect.arrayContaining(["apps/api", "apps/web", "packages/core", "packages/db", "deploy"]));
    expect(dockerfileProblems(read("Dockerfile"), context)).toEqual([]);
  });

  it("fails on the Dockerfile and .dockerignore it replaced", () => {
    const problems = dockerfileProblems(read("deploy/fixtures/Dockerfile.before-050"), {
      ...context,
      dockerignore: read("deploy/fixtures/dockerignore.before-050"),
      today: new Date("2026-12-01"),
    });
    expect(problems).toEqual([
      "node:20-bookworm-slim: not a supported Node.js LTS line (22, 24)",
      "copies sources before npm ci: every edit reinstalls the dependencies",
      expect.stringMatching(/^does not copy before npm ci: package\.json, package-lock\.json, apps\/api\/package\.json, /),
      "no HEALTHCHECK on /readyz",
      ".dockerignore does not list .env",
      ".dockerignore does not list **/*.test.ts",
      ".dockerignore does not list apps/api/test",
      ".dockerignore does not list apps/web/e2e",
    ]);
  });

  it("names a Node line past its end of life, and an engines range that leaves the image's Node out", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfileProblems(dockerfile, { ...context, today: new Date("2028-05-01") })).toContain(
      "node:24-bookworm-slim: Node.js 24 reached end of life on 2028-04-30",
    );
    expect(dockerfileProblems(dockerfile, { ...context, engines: ">=20.19 <23" })).toContain(
      "node:24-bookworm-slim: package.json engines (>=20.19 <23) does not include Node.js 24",
    );
  });

  it("notices a workspace whose manifest would not reach npm ci", () => {
    expect(dockerfileProblems(read("Dockerfile"), { ...context, workspaces: [...workspaces, "packages/payments"] })).toEqual([
      "does not copy before npm ci: packages/payments/package.json",
    ]);
  });

  it("reads instructions across continuation lines and both ENV forms", () => {
    const [stage] = parseDockerfile('FROM node:24 AS x\n# note\nENV A=1 \\\n    B="two words"\nENV C 3\nRUN a \\\n && b\n');
    expect(stage?.instructions.map((i) => i.keyword)).toEqual(["ENV", "ENV", "RUN"]);
    expect(stageEnvironment(stage!)).toEqual({ A: "1", B: "two words", C: "3" });
  });
});
