import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../apps/api/dist/env.js";
import { composeProblems, environmentOf, interpolate, isAppService, loadCompose } from "./compose.js";
import { parseDockerfile, stageEnvironment } from "./dockerfile.js";

const read = (file: string) => readFileSync(new URL(file, import.meta.url), "utf8");
const compose = read("../docker-compose.yml");
/** What the finished image sets before compose's `environment` (NODE_ENV, DATA_DIR). */
const imageEnvironment = stageEnvironment(parseDockerfile(read("../Dockerfile")).at(-1)!);

/** What the README asks an operator to set before `docker compose up`, and nothing else. */
const operator = {
  JWT_SECRET: "an-operator-chosen-secret-of-at-least-32-chars",
  STRIPE_WEBHOOK_SECRET: "whsec_operator_chosen_secret",
  TOTP_ENCRYPTION_SECRET: "an-operator-chosen-sealing-secret-32-chars",
};

/** Each app service's environment as its container sees it, through the API's own parser. */
function parsedApps(variables: Record<string, string>) {
  return Object.entries(loadCompose(compose, variables).services)
    .filter(([, service]) => isAppService(service))
    .map(([name, service]) => ({ name, env: parseEnv({ ...imageEnvironment, ...environmentOf(service, variables) }) }));
}

describe("docker-compose.yml", () => {
  it("boots with only the secrets the README names: every app service passes the API's configuration and secret checks", () => {
    expect(composeProblems(compose, operator, imageEnvironment)).toEqual([]);
  });

  it("defaults to the sandbox provider and passes the Stripe key through when an operator picks Stripe", () => {
    for (const { env } of parsedApps(operator)) expect(env.PAYMENT_PROVIDER).toBe("sandbox");
    const stripe = parsedApps({ ...operator, PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_live_operator123" });
    expect(stripe.map(({ name }) => name)).toEqual(["api", "worker"]);
    for (const { env } of stripe) expect(env).toMatchObject({ PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_live_operator123", NODE_ENV: "production", DEPLOYMENT: true });
  });

  it("refuses to start without the secrets, naming them, and reports a Stripe provider without its key", () => {
    expect(composeProblems(compose, { STRIPE_WEBHOOK_SECRET: operator.STRIPE_WEBHOOK_SECRET, TOTP_ENCRYPTION_SECRET: operator.TOTP_ENCRYPTION_SECRET }, imageEnvironment)).toEqual([
      expect.stringMatching(/required variable JWT_SECRET is missing a value/),
    ]);
    expect(composeProblems(compose, { ...operator, PAYMENT_PROVIDER: "stripe" }, imageEnvironment)).toEqual([
      "api: Invalid configuration: STRIPE_SECRET_KEY must be set when PAYMENT_PROVIDER=stripe",
      "worker: Invalid configuration: STRIPE_SECRET_KEY must be set when PAYMENT_PROVIDER=stripe",
    ]);
  });

  it("fails on the compose file this check replaced, which could not start (no PAYMENT_PROVIDER, no restart policy)", () => {
    const problems = composeProblems(read("fixtures/docker-compose.before-050.yml"), operator, imageEnvironment);
    expect(problems).toEqual(
      expect.arrayContaining([
        'api: Invalid configuration: PAYMENT_PROVIDER must be "stripe", "razorpay" or "sandbox" (required when NODE_ENV=production)',
        'worker: Invalid configuration: PAYMENT_PROVIDER must be "stripe", "razorpay" or "sandbox" (required when NODE_ENV=production)',
        "mongo: restart is unset, not unless-stopped",
        "mongo: the healthcheck must fail (quit(1)) until the node is a writable primary",
        "worker: the worker needs a healthcheck of its own",
        "api: runs one replica; the shape is several behind the proxy",
      ]),
    );
  });

  it("catches a misspelt variable, which the API would otherwise ignore", () => {
    const misspelt = compose.replace("TRUST_PROXY:", "TRUST_PROXIES:");
    expect(composeProblems(misspelt, operator, imageEnvironment)).toEqual(
      expect.arrayContaining(["api: sets variables the API does not read: TRUST_PROXIES"]),
    );
  });
});

describe("compose interpolation", () => {
  const variables = { SET: "value", EMPTY: "" };

  it("applies defaults to unset (-) or unset-or-empty (:-) variables", () => {
    expect(interpolate("${SET:-d} ${EMPTY:-d} ${EMPTY-d} ${NONE-d} ${NONE}", variables)).toBe("value d  d ");
  });

  it("stops on a required variable that is unset (?) or unset-or-empty (:?), with its message", () => {
    expect(() => interpolate("${EMPTY:?set EMPTY}", variables)).toThrow("required variable EMPTY is missing a value: set EMPTY");
    expect(interpolate("${EMPTY?set EMPTY}", variables)).toBe("");
    expect(() => interpolate("${NONE?set NONE}", variables)).toThrow(/NONE/);
  });

  it("reads $$ as a dollar, $NAME bare, and refuses what it does not implement", () => {
    expect(interpolate("$$SET $SET ${SET:+alt} ${NONE:+alt}", variables)).toBe("$SET value alt ");
    expect(() => interpolate("${NONE:-${SET}}", variables)).toThrow(/invalid interpolation/);
  });
});
