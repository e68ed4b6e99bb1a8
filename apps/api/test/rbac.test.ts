import { totp } from "../src/auth/totp.js";
import { appRouter } from "../src/trpc/root.js";
import type { Access } from "../src/trpc/init.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallers, type Callers, type TestAccount } from "./accounts.js";
import { startApp, type RunningApp } from "./harness.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

type CallerName = "anonymous" | keyof Callers;
/** Shopper last: rows whose valid input belongs to the shopper may change it. */
const callerNames: CallerName[] = ["anonymous", "otherShopper", "adminWithout", "adminWith", "shopper"];
type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST";

interface Row {
  access: Access;
  /** Valid input, as the given caller would send it. */
  input?: (caller: TestAccount | null, world: World) => unknown;
  /** Outcomes that differ from what the access rule implies (object-level checks, public refusals). */
  expect?: Partial<Record<CallerName, Outcome>>;
  /** Puts back what a successful call changed, so later rows start from the same world. */
  after?: (world: World) => Promise<void>;
}

interface World {
  app: RunningApp;
  callers: Callers;
  shopperAddressId: string;
}

let registrations = 0;
const address = { label: "Home", name: "Asha Rao", phone: "+919800000001", line1: "12 MG Road", line2: null, city: "Bengaluru", state: "Karnataka", postalCode: "560001", country: "IN" };

/** Every procedure of the API with the rule it must enforce. A procedure missing here fails the suite. */
const matrix: Record<string, Row> = {
  "system.info": { access: "public" },
  "auth.register": {
    access: "public",
    input: () => ({ email: `new-${process.pid}-${++registrations}@example.test`, password: "a long enough passphrase", name: "New Shopper" }),
  },
  "auth.login": { access: "public", input: (_, w) => ({ email: w.callers.shopper.email, password: w.callers.shopper.password }) },
  "auth.requestPasswordReset": { access: "public", input: (_, w) => ({ email: w.callers.shopper.email }) },
  "auth.resetPassword": {
    access: "public",
    input: () => ({ token: "x".repeat(43), newPassword: "a brand new passphrase" }),
    expect: { anonymous: "BAD_REQUEST", otherShopper: "BAD_REQUEST", adminWithout: "BAD_REQUEST", adminWith: "BAD_REQUEST", shopper: "BAD_REQUEST" },
  },
  "auth.me": { access: "authed" },
  "auth.updateProfile": { access: "authed", input: () => ({ name: "Renamed Person", phone: null }) },
  "auth.addAddress": { access: "authed", input: () => address },
  "auth.updateAddress": {
    access: "authed",
    input: (_, w) => ({ ...address, addressId: w.shopperAddressId, line1: "14 MG Road" }),
    // Addresses belong to one account: anyone else's id is simply not found.
    expect: { otherShopper: "NOT_FOUND", adminWithout: "NOT_FOUND", adminWith: "NOT_FOUND" },
  },
  "auth.removeAddress": {
    access: "authed",
    input: (_, w) => ({ addressId: w.shopperAddressId }),
    expect: { otherShopper: "NOT_FOUND", adminWithout: "NOT_FOUND", adminWith: "NOT_FOUND" },
  },
  "auth.changePassword": {
    access: "authed",
    input: (caller) => ({ currentPassword: caller?.password ?? "whatever it was", newPassword: "a different passphrase" }),
    after: async (w) => {
      for (const caller of Object.values(w.callers)) {
        await w.app.db.uow.run((repos) => repos.users.update(caller.user.id, { passwordHash: caller.user.passwordHash, updatedAt: new Date() }));
      }
    },
  },
  "auth.beginTotp": { access: "authed" },
  "auth.confirmTotp": {
    access: "authed",
    input: async (caller, w) => {
      const user = caller ? await w.app.db.repos.users.findById(caller.user.id) : null;
      return { code: user?.totp ? await totp.codeAt(user.totp.secret, new Date()) : "000000" };
    },
  },
  "admin.users.list": { access: "admin:users.manage", input: () => ({}) },
  "admin.users.update": { access: "admin:users.manage", input: (_, w) => ({ userId: w.callers.otherShopper.user.id, disabled: false }) },
  "admin.audit.list": { access: "admin:operations.view", input: () => ({}) },
};

function implied(access: Access, caller: CallerName): Outcome {
  if (access === "public") return "ok";
  if (caller === "anonymous") return "UNAUTHORIZED";
  if (access === "authed") return "ok";
  return caller === "adminWith" ? "ok" : "FORBIDDEN";
}

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { access?: Access } } }>;

describe("access control matrix over HTTP", () => {
  const tempDir = useTempDirs();
  let world: World;

  beforeAll(async () => {
    const app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "10000" } });
    const callers = await createCallers(app);
    const withAddress = await app.services.account.addAddress(callers.shopper.user, address);
    world = { app, callers, shopperAddressId: withAddress.addresses[0]!.id };
  });
  afterAll(() => world.app.close());

  it("has a row for every procedure, declaring the rule the procedure itself declares", () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(matrix).sort());
    for (const [path, procedure] of Object.entries(procedures)) {
      expect({ path, access: procedure._def.meta?.access }).toEqual({ path, access: matrix[path]!.access });
    }
  });

  it.each(Object.keys(matrix))("%s answers each kind of caller as its rule says", async (path) => {
    const row = matrix[path]!;
    for (const name of callerNames) {
      const caller = name === "anonymous" ? null : world.callers[name];
      const input = row.input ? await row.input(caller, world) : undefined;
      const result = await call(world.app.url, path, input, caller ? { token: caller.token } : {});
      const expected = row.expect?.[name] ?? implied(row.access, name);
      const outcome = result.error ? result.error.data.code : "ok";
      expect({ path, caller: name, outcome, message: result.error?.message }).toMatchObject({ path, caller: name, outcome: expected });
    }
    await row.after?.(world);
  });
});
