import { totp } from "../../src/auth/totp.js";
import { createAccount, signIn, storedTotpSecret } from "../accounts.js";
import type { RowSet, World } from "./types.js";

let registrations = 0;

/** A live refresh token of a brand-new account: each refresh or logout row spends one of its own. */
async function freshRefreshToken(world: World): Promise<string> {
  const signedIn = await world.app.services.auth.register({
    email: `refresh-${process.pid}-${++registrations}@example.test`,
    password: "a long enough passphrase",
    name: "Refreshing Shopper",
    phone: null,
  }, "127.0.0.1");
  return signedIn.refreshToken;
}
const address = { label: "Home", name: "Asha Rao", phone: "+919800000001", line1: "12 MG Road", line2: null, city: "Bengaluru", state: "KA" as const, postalCode: "560001", country: "IN" };

export const authRows: RowSet = {
  async prepare(world) {
    const withAddress = await world.app.services.account.addAddress(world.callers.shopper.user, address);
    world.fixtures.shopperAddressId = withAddress.addresses[0]!.id;
    // Its own account: a role change ends the target's sign-ins, which no caller may lose mid-suite.
    world.fixtures.roleTargetId = (await createAccount(world.app)).user.id;
  },
  rows: {
    "system.info": { access: "public" },
    "auth.register": {
      access: "public",
      input: () => ({ email: `new-${process.pid}-${++registrations}@example.test`, password: "a long enough passphrase", name: "New Shopper" }),
    },
    "auth.login": { access: "public", input: (_, w) => ({ email: w.callers.shopper.email, password: w.callers.shopper.password }) },
    "auth.completeSignIn": {
      access: "public",
      input: () => ({ challenge: "x".repeat(40), code: "123456" }),
      // A made-up challenge is refused the same for everyone: a session token is no challenge.
      expect: { anonymous: "UNAUTHORIZED", shopper: "UNAUTHORIZED", otherShopper: "UNAUTHORIZED", adminWithout: "UNAUTHORIZED", adminWith: "UNAUTHORIZED" },
    },
    "auth.refresh": { access: "public", input: async (_, w) => ({ refreshToken: await freshRefreshToken(w) }) },
    "auth.logout": { access: "public", input: async (_, w) => ({ refreshToken: await freshRefreshToken(w) }) },
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
      input: (_, w) => ({ ...address, addressId: w.fixtures.shopperAddressId, line1: "14 MG Road" }),
      // Addresses belong to one account: anyone else's id is simply not found.
      expect: { otherShopper: "NOT_FOUND", adminWithout: "NOT_FOUND", adminWith: "NOT_FOUND" },
    },
    "auth.setDefaultAddress": {
      access: "authed",
      input: (_, w) => ({ addressId: w.fixtures.shopperAddressId }),
      expect: { otherShopper: "NOT_FOUND", adminWithout: "NOT_FOUND", adminWith: "NOT_FOUND" },
    },
    "auth.removeAddress": {
      access: "authed",
      input: (_, w) => ({ addressId: w.fixtures.shopperAddressId }),
      expect: { otherShopper: "NOT_FOUND", adminWithout: "NOT_FOUND", adminWith: "NOT_FOUND" },
    },
    "auth.changePassword": {
      access: "authed",
      input: (caller) => ({ currentPassword: caller?.password ?? "whatever it was", newPassword: "a different passphrase" }),
      after: async (w) => {
        for (const caller of Object.values(w.callers)) {
          await w.app.db.uow.run((repos) => repos.users.update(caller.user.id, { passwordHash: caller.user.passwordHash, updatedAt: new Date() }));
          // The change ended every sign-in of the account, access tokens included: the rows after need new ones.
          Object.assign(caller, await signIn(w.app, caller.email, caller.password));
        }
      },
    },
    "auth.beginTotp": { access: "authed" },
    "auth.confirmTotp": {
      access: "authed",
      input: async (caller, w) => {
        const secret = caller ? await storedTotpSecret(w.app, caller.user.id) : null;
        return { code: secret ? await totp.codeAt(secret, new Date()) : "000000" };
      },
      after: async (w) => {
        for (const caller of Object.values(w.callers)) {
          // Enrolling ended every other sign-in; unenrolled again, the rows after sign in with a password alone.
          await w.app.db.uow.run((repos) => repos.users.update(caller.user.id, { totp: null, updatedAt: new Date() }));
          Object.assign(caller, await signIn(w.app, caller.email, caller.password));
        }
      },
    },
    "auth.regenerateRecoveryCodes": {
      access: "authed",
      input: () => ({ code: "000000" }),
      // Nobody is enrolled by now: the call is reached, and refused for want of a factor.
      expect: { shopper: "PRECONDITION_FAILED", otherShopper: "PRECONDITION_FAILED", adminWithout: "PRECONDITION_FAILED", adminWith: "PRECONDITION_FAILED" },
    },
    "admin.users.list": { access: "admin:customers.view", input: () => ({}) },
    "admin.users.byId": { access: "admin:customers.view", input: (_, w) => ({ userId: w.callers.otherShopper.user.id }) },
    "admin.users.assignRole": { access: "admin:users.manage", input: (_, w) => ({ userId: w.fixtures.roleTargetId, staffRole: "fulfilment" }) },
    "admin.users.update": { access: "admin:users.manage", input: (_, w) => ({ userId: w.callers.otherShopper.user.id, disabled: false }) },
    "admin.audit.list": { access: "admin:operations.view", input: () => ({}) },
  },
};
