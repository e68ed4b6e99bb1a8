/** A Dockerfile read as Docker reads it: continuation lines joined, comments dropped, one entry per instruction. */
export interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

export interface Stage {
  readonly image: string;
  readonly instructions: readonly Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#") || (line === "" && pending === "")) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push(pending + line);
    pending = "";
  }
  const stages: { image: string; instructions: Instruction[] }[] = [];
  for (const line of logical) {
    const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/s.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: args.trim() };
    if (instruction.keyword === "FROM") {
      stages.push({ image: args.split(/\s+/).find((word) => !word.startsWith("--")) ?? "", instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** `ENV A=1 B="two words"` (and the legacy `ENV A 1`) of a stage, in order. */
export function stageEnvironment(stage: Stage): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const { keyword, args } of stage.instructions) {
    if (keyword !== "ENV") continue;
    if (!/^\S+=/.test(args)) {
      const [name = "", ...rest] = args.split(/\s+/);
      environment[name] = rest.join(" ");
      continue;
    }
    for (const [, name = "", value = ""] of args.matchAll(/(\S+?)=("[^"]*"|'[^']*'|\S*)/g)) {
      environment[name] = /^["']/.test(value) ? value.slice(1, -1) : value;
    }
  }
  return environment;
}

/** Node.js release lines the image may use: active or maintenance LTS, with their end of life. */
export const nodeLtsEndOfLife: Readonly<Record<number, string>> = { 22: "2027-04-30", 24: "2028-04-30" };

export interface ImageContext {
  /** Each workspace folder (`apps/api`, …): its package.json must reach `npm ci`. */
  readonly workspaces: readonly string[];
  /** The root package.json's engines.node range. */
  readonly engines: string;
  readonly dockerignore: string;
  readonly today: Date;
}

const copySources = (args: string): string[] => {
  const words = args.split(/\s+/).filter((word) => !word.startsWith("--"));
  return words.slice(0, -1);
};

/**
 * The image rules (docs/decisions/050-deployment-shape.md), each a reason the image would be slow to
 * build, large, unsafe or on an unsupported Node. Empty means the Dockerfile keeps them all.
 */
export function dockerfileProblems(text: string, context: ImageContext): string[] {
  const problems: string[] = [];
  const stages = parseDockerfile(text);
  const final = stages.at(-1);
  if (stages.length < 2 || !final) problems.push("not multi-stage: build tools and sources end up in the image");

  for (const image of new Set(stages.map((stage) => stage.image))) {
    const major = Number(/^node:(\d+)/.exec(image)?.[1]);
    const endOfLife = nodeLtsEndOfLife[major];
    if (!endOfLife) problems.push(`${image}: not a supported Node.js LTS line (${Object.keys(nodeLtsEndOfLife).join(", ")})`);
    else if (new Date(endOfLife) <= context.today) problems.push(`${image}: Node.js ${major} reached end of life on ${endOfLife}`);
    else if (!new RegExp(`(^|[^\\d.])${major}(\\D|$)`).test(context.engines)) problems.push(`${image}: package.json engines (${context.engines}) does not include Node.js ${major}`);
  }

  const build = stages.find((stage) => stage.instructions.some((i) => i.keyword === "RUN" && /\bnpm ci\b/.test(i.args)));
  if (!build) problems.push("no stage installs with npm ci");
  else {
    const install = build.instructions.findIndex((i) => i.keyword === "RUN" && /\bnpm ci\b/.test(i.args));
    const before = build.instructions.slice(0, install).filter((i) => i.keyword === "COPY");
    const copied = before.flatMap((i) => copySources(i.args));
    if (copied.some((source) => source === "." || source.endsWith("/"))) problems.push("copies sources before npm ci: every edit reinstalls the dependencies");
    const manifests = ["package.json", "package-lock.json", ...context.workspaces.map((folder) => `${folder}/package.json`)];
    const missing = manifests.filter((manifest) => !copied.includes(manifest));
    if (missing.length > 0) problems.push(`does not copy before npm ci: ${missing.join(", ")}`);
    const after = build.instructions.slice(install).filter((i) => i.keyword === "RUN").map((i) => i.args).join(" && ");
    if (!/npm run build[\s\S]*npm prune --omit=dev/.test(after)) problems.push("does not npm prune --omit=dev after the build: dev dependencies ship");
  }

  if (final) {
    const copiesContext = final.instructions.some((i) => i.keyword === "COPY" && !/--from=/.test(i.args));
    if (copiesContext) problems.push("the final stage copies from the build context: sources, tests and secrets may ship");
    const user = final.instructions.filter((i) => i.keyword === "USER").at(-1)?.args;
    if (!user || /^(root|0)(:|$)/.test(user)) problems.push("the final stage runs as root");
    const health = final.instructions.find((i) => i.keyword === "HEALTHCHECK")?.args ?? "";
    if (!health.includes("/readyz")) problems.push("no HEALTHCHECK on /readyz");
  }

  const ignored = context.dockerignore.split("\n").map((line) => line.trim());
  for (const required of [".env", "node_modules", "data", "**/*.test.ts", "apps/api/test", "apps/web/e2e"]) {
    if (!ignored.includes(required)) problems.push(`.dockerignore does not list ${required}`);
  }
  return problems;
}
