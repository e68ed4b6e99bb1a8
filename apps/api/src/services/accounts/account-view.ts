import { addressFixes, type User } from "@bbscart/core";

/** What a signed-in user may see of their own account: never the password hash or TOTP secret. */
export function accountView(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone,
    role: user.role,
    permissions: [...user.permissions],
    /** The first is the default; `fixes` names what an address saved before the rules needs (ADR 140). */
    addresses: user.addresses.map((address) => ({ ...address, fixes: addressFixes(address) })),
    totpEnabled: Boolean(user.totp?.confirmedAt),
    /** Unused recovery codes: the security page tells the owner when to make new ones. */
    recoveryCodesLeft: user.totp?.confirmedAt ? user.totp.recoveryCodes.length : 0,
    createdAt: user.createdAt,
  };
}

export type AccountView = ReturnType<typeof accountView>;
