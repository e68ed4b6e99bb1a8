import { parse } from "yaml";
import { envVariableNames, parseEnv } from "../apps/api/dist/env.js";
import { resolveSecrets } from "../apps/api/dist/config/secrets.js";

/** The variables `docker compose` interpolates from (the shell and `.env`). */
export type Variables = Readonly<Record<string, string | undefined>>;

export interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, unknown> | string[];
  ports?: unknown[];
  volumes?: unknown[];
  restart?: string;
  profiles?: string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  depends_on?: Record<string, { condition?: string }> | string[];
  deploy?: { replicas?: number };
}

const NAME = "[A-Za-z_][A-Za-z0-9_]*";

/**
 * Compose's interpolation of one value: `$$` is a dollar; `${VAR}` and `$VAR`; `${VAR:-default}`
 * (unset or empty) and `${VAR-default}` (unset); `${VAR:?message}` and `${VAR?message}` stop with
 * the message; `${VAR:+alt}` and `${VAR+alt}`. Nested expressions in a default are not supported
 * (and not used): such a value throws rather than being read wrongly.
 */
export function interpolate(value: string, variables: Variables): string {
  return value.replace(new RegExp(`\\$(?:\\$|\\{([^}]*)\\}|(${NAME}))`, "g"), (match, braced?: string, bare?: string) => {
    if (match === "$$") return "$";
    if (bare !== undefined) return variables[bare] ?? "";
    const expression = new RegExp(`^(${NAME})(?:(:?)([-?+])(.*))?$`, "s").exec(braced ?? "");
    if (!expression || expression[4]?.includes("$")) throw new Error(`invalid interpolation ${match}`);
    const [, name = "", colon, operator, argument = ""] = expression;
    const given = variables[name];
    const unset = given === undefined || (colon === ":" && given === "");
    if (operator === "-") return unset ? argument : (given ?? "");
    if (operator === "+") return unset ? "" : argument;
    if (operator === "?" && unset) throw new Error(`required variable ${name} is missing a value: ${argument}`);
    return given ?? "";
  });
}

function interpolateAll(node: unknown, variables: Variables): unknown {
  if (typeof node === "string") return interpolate(node, variables);
  if (Array.isArray(node)) return node.map((item) => interpolateAll(item, variables));
  if (node !== null && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, interpolateAll(value, variables)]));
  }
  return node;
}

/** The compose file as `docker compose config` would see it: merge keys resolved, every value interpolated. */
export function loadCompose(text: string, variables: Variables): { services: Record<string, Service> } {
  const document = parse(text, { merge: true }) as { services?: Record<string, Service> };
  return { services: (interpolateAll(document, variables) as { services?: Record<string, Service> }).services ?? {} };
}

/** A service's `environment`, mapping or `KEY=value` list form; a bare key takes the variable's value. */
export function environmentOf(service: Service, variables: Variables): Record<string, string | undefined> {
  const entries: [string, unknown][] = Array.isArray(service.environment)
    ? service.environment.map((item) => {
        const at = item.indexOf("=");
        return at < 0 ? [item, null] : [item.slice(0, at), item.slice(at + 1)];
      })
    : Object.entries(service.environment ?? {});
  // Numbers and booleans (PORT: 3000) reach the container as their text, which JSON.stringify gives.
  return Object.fromEntries(entries.map(([key, value]) => [key, value === null ? variables[key] : typeof value === "string" ? value : JSON.stringify(value)]));
}

/** Our own image's services: they are built here, and run the API or the worker. */
export const isAppService = (service: Service): boolean => service.build !== undefined;

/** Variables read by the runtime under the API rather than by it: glibc's allocator and Node's heap settings (see the Dockerfile). */
const runtimeVariables: readonly string[] = ["MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "NODE_OPTIONS"];

/**
 * What would stop an app service at start-up, or quietly misconfigure it: a variable the API does not
 * read (a typo is otherwise ignored), then the API's own configuration parser and secret check on the
 * environment the container gets (the image's ENV under the service's `environment`).
 */
export function configurationProblems(environment: Record<string, string | undefined>): string[] {
  const unknown = Object.keys(environment).filter((name) => !(envVariableNames as readonly string[]).includes(name) && !runtimeVariables.includes(name));
  if (unknown.length > 0) return [`sets variables the API does not read: ${unknown.join(", ")}`];
  try {
    resolveSecrets(parseEnv(environment), () => undefined);
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}

const hasHealthyDependency = (service: Service, name: string): boolean =>
  !Array.isArray(service.depends_on) && service.depends_on?.[name]?.condition === "service_healthy";

/**
 * Every reason the compose file would not boot, or would boot into something other than the shape
 * docs/deployment.md describes, given the variables an operator sets. Empty means it holds.
 */
export function composeProblems(text: string, variables: Variables, imageEnvironment: Record<string, string>): string[] {
  let services: Record<string, Service>;
  try {
    ({ services } = loadCompose(text, variables));
  } catch (error) {
    return [`compose: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  const apps = Object.entries(services).filter(([, service]) => isAppService(service));
  const running = (script: string) => apps.filter(([, service]) => service.command?.join(" ").includes(`apps/api/dist/${script}`));
  if (running("server.js").length === 0) problems.push("no service runs the API (apps/api/dist/server.js)");
  if (running("worker.js").length === 0) problems.push("no service runs the worker (apps/api/dist/worker.js)");

  for (const [name, service] of apps) {
    const environment = { ...imageEnvironment, ...environmentOf(service, variables) };
    for (const problem of configurationProblems(environment)) problems.push(`${name}: ${problem}`);
    for (const dependency of ["mongo", "redis"]) {
      if (!hasHealthyDependency(service, dependency)) problems.push(`${name}: does not wait for ${dependency} to be healthy`);
    }
    const dataDir = environment.DATA_DIR;
    if (!service.volumes?.some((volume) => typeof volume === "string" && volume.endsWith(`:${dataDir}`) && !volume.startsWith("."))) {
      problems.push(`${name}: DATA_DIR (${dataDir}) is not on a named volume the app services share (uploads)`);
    }
    if (service.ports?.length) problems.push(`${name}: publishes ports; the proxy is the only way in (TRUST_PROXY counts on it)`);
    if (environment.TRUST_PROXY !== "1") problems.push(`${name}: TRUST_PROXY must be 1, the proxy in front of it`);
  }
  for (const [name, service] of running("worker.js")) {
    // The image's HEALTHCHECK asks /readyz, which the worker does not serve.
    if (!service.healthcheck?.test) problems.push(`${name}: the worker needs a healthcheck of its own`);
  }
  for (const [name, service] of running("server.js")) {
    if ((service.deploy?.replicas ?? 1) < 2) problems.push(`${name}: runs one replica; the shape is several behind the proxy`);
  }
  for (const [name, service] of Object.entries(services)) {
    if (service.restart !== "unless-stopped") problems.push(`${name}: restart is ${service.restart ?? "unset"}, not unless-stopped`);
    if (!isAppService(service) && !service.profiles && !service.healthcheck?.test) problems.push(`${name}: has no healthcheck`);
  }
  const mongoCheck = [services.mongo?.healthcheck?.test ?? []].flat().join(" ");
  if (!/isWritablePrimary/.test(mongoCheck) || !/quit\(1\)/.test(mongoCheck)) {
    problems.push("mongo: the healthcheck must fail (quit(1)) until the node is a writable primary");
  }
  const proxies = Object.entries(services).filter(([, service]) => !isAppService(service) && !service.profiles && service.ports?.length);
  if (proxies.length !== 1) problems.push(`exactly one service should publish ports by default (the proxy); found ${proxies.length}`);
  return problems;
}
