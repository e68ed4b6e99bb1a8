import type { Clock, DatabaseHandle, IdGenerator, User } from "@bbscart/core";
import type { addressInput, updateAddressInput, updateProfileInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { totp } from "../../auth/totp.js";
import { accountView, type AccountView } from "./account-view.js";
import { AppError, notFound } from "../common/index.js";

export interface AccountDeps {
  db: DatabaseHandle;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * A signed-in user's own account: profile, address book, second factor. Each change re-reads the
 * user inside the unit of work, so two tabs editing addresses do not overwrite each other.
 */
export function accountService({ db, clock, ids }: AccountDeps) {
  const change = (userId: string, edit: (user: User) => Partial<User>) =>
    db.uow.run(async (repos) => {
      const user = await repos.users.findById(userId);
      if (!user) throw notFound("Account");
      const patch = edit(user);
      const updated = await repos.users.update(userId, { ...patch, updatedAt: clock.now() });
      if (!updated) throw notFound("Account");
      return accountView(updated);
    });

  return {
    me: (user: User): AccountView => accountView(user),

    updateProfile: (user: User, input: z.output<typeof updateProfileInput>) =>
      change(user.id, () => ({ name: input.name, phone: input.phone })),

    addAddress: (user: User, input: z.output<typeof addressInput>) =>
      change(user.id, (current) => {
        if (current.addresses.length >= 20) throw new AppError("BAD_REQUEST", "At most 20 addresses can be saved", { field: "addresses" });
        return { addresses: [...current.addresses, { ...input, id: ids.next() }] };
      }),

    updateAddress: (user: User, { addressId, ...input }: z.output<typeof updateAddressInput>) =>
      change(user.id, (current) => {
        if (!current.addresses.some((a) => a.id === addressId)) throw notFound("Address");
        return { addresses: current.addresses.map((a) => (a.id === addressId ? { ...input, id: addressId } : a)) };
      }),

    removeAddress: (user: User, addressId: string) =>
      change(user.id, (current) => {
        if (!current.addresses.some((a) => a.id === addressId)) throw notFound("Address");
        return { addresses: current.addresses.filter((a) => a.id !== addressId) };
      }),

    /** Starts (or restarts) enrolment: a new secret, active only once a code from it is confirmed. */
    async beginTotp(user: User): Promise<{ secret: string; uri: string }> {
      if (user.totp?.confirmedAt) throw new AppError("CONFLICT", "A second factor is already enrolled");
      const secret = totp.newSecret();
      await change(user.id, () => ({ totp: { secret, confirmedAt: null } }));
      return { secret, uri: totp.uri(secret, user.email) };
    },

    async confirmTotp(user: User, code: string): Promise<AccountView> {
      const pending = user.totp;
      if (!pending || pending.confirmedAt) throw new AppError("PRECONDITION_FAILED", "Start enrolment first");
      if (!(await totp.check(pending.secret, code, clock.now()))) {
        throw new AppError("BAD_REQUEST", "That code is not valid; check your authenticator app's clock", { field: "code" });
      }
      return change(user.id, () => ({ totp: { secret: pending.secret, confirmedAt: clock.now() } }));
    },
  };
}

export type AccountService = ReturnType<typeof accountService>;
