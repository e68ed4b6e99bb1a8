import type { Clock, DatabaseHandle, IdGenerator, User } from "@bbscart/core";
import type { addressInput, updateAddressInput, updateProfileInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { accountView, type AccountView } from "./account-view.js";
import { AppError, notFound } from "../common/index.js";

export interface AccountDeps {
  db: DatabaseHandle;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * A signed-in user's own account: profile and address book (the second factor: `secondFactors`). Each change re-reads the
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

    /** The default address is the book's first (ADR 140): setting one moves it to the front, keeping the others' order. */
    setDefaultAddress: (user: User, addressId: string) =>
      change(user.id, (current) => {
        const chosen = current.addresses.find((a) => a.id === addressId);
        if (!chosen) throw notFound("Address");
        return { addresses: [chosen, ...current.addresses.filter((a) => a.id !== addressId)] };
      }),

    removeAddress: (user: User, addressId: string) =>
      change(user.id, (current) => {
        if (!current.addresses.some((a) => a.id === addressId)) throw notFound("Address");
        return { addresses: current.addresses.filter((a) => a.id !== addressId) };
      }),
  };
}

export type AccountService = ReturnType<typeof accountService>;
