import { STAFF_ROLE_PERMISSIONS, staffRoleOf, walletAccount, type AdminPermission, type Clock, type CustomerOrders, type DatabaseHandle, type IdGenerator, type Role, type StaffRole, type User } from "@bbscart/core";
import type { adminAssignRoleInput, adminUserListInput, adminUserUpdateInput, auditListInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { accountView } from "./account-view.js";
import { AppError, audit, loadSettings, notFound, refused } from "../common/index.js";
import type { StepUp } from "./second-factor.js";

/** What the admin console shows of a customer or colleague: the account, minus addresses, plus status. */
export function adminUserView(user: User) {
  const { addresses: _addresses, ...account } = accountView(user);
  // The staff role whose bundle the account holds exactly; null for shoppers and custom sets (ADR 124).
  return { ...account, disabled: user.disabled, staffRole: user.role === "admin" ? staffRoleOf(user.permissions) : null };
}

/** The fields an access change touches, as they are written to the audit log. */
const accessSnapshot = (user: User) => ({ role: user.role, permissions: [...user.permissions], disabled: user.disabled });

/** What an access change asks for; what it leaves out stays as it is. */
interface AccessChange {
  readonly userId: string;
  readonly role?: Role;
  readonly permissions?: readonly AdminPermission[];
  readonly disabled?: boolean;
  readonly totpCode?: string;
}

/** Zero-order figures for a customer who has not ordered yet. */
const noOrders = { orders: 0, lastOrderAt: null, spent: [] } as const;

/** Admins managing accounts: search, roles and permissions, disabling — every change audited. */
export function usersService({ db, clock, ids, stepUp }: { db: DatabaseHandle; clock: Clock; ids: IdGenerator; stepUp: StepUp }) {
  /**
   * The console's figures of a page of customers: their orders through the orders' user index
   * (one query for the page) and each wallet's cached balance by its key, so a page costs the
   * same however many orders the shop holds.
   */
  async function figuresOf(users: readonly User[]) {
    const currency = (await loadSettings(db.repos)).currency;
    const orders = new Map<string, CustomerOrders>((await db.repos.orders.customerOrders(users.map((user) => user.id))).map((row) => [row.userId, row]));
    const wallets = await Promise.all(users.map((user) => db.repos.ledger.balance(walletAccount(user.id), currency)));
    return users.map((user, index) => {
      const { userId: _userId, ...figures } = orders.get(user.id) ?? { userId: user.id, ...noOrders };
      return { ...figures, spent: [...figures.spent], wallet: wallets[index]! };
    });
  }

  /**
   * One access change in one unit of work, step-up checked and audited as `action`. Guarded: it
   * never leaves the store without an enabled admin who can manage users, even when two admins
   * disable each other at the same moment.
   */
  async function changeAccess(admin: User, change: AccessChange, requestId: string | null, audited: { readonly action: string; readonly staffRole?: StaffRole }) {
    const changesAccess = change.role !== undefined || change.permissions !== undefined;
    if (change.userId === admin.id && (change.role === "shopper" || change.disabled === true)) {
      throw new AppError("BAD_REQUEST", "You cannot demote or disable your own account", { field: "userId" });
    }
    if (changesAccess) await stepUp(admin, change.totpCode);

    return db.uow.run(async (repos) => {
      const now = clock.now();
      const target = await repos.users.findById(change.userId);
      if (!target) throw notFound("User");
      const role = change.role ?? target.role;
      const updated = await repos.users.updateAccess(target.id, {
        role,
        // Shoppers hold no admin permissions, whatever was asked.
        permissions: role === "admin" ? (change.permissions ?? target.permissions) : [],
        ...(change.disabled === undefined ? {} : { disabled: change.disabled }),
        updatedAt: now,
      });
      if (updated === "LAST_MANAGER") throw refused({ code: updated });
      if (!updated) throw notFound("User");
      // A disabled or demoted account loses its refresh tokens; access tokens fail at the next
      // request because role and disabled state are read per request.
      if (updated.disabled || updated.role !== target.role) await repos.sessions.revokeAllForUser(target.id, now);
      await audit(repos, clock, ids, {
        actorId: admin.id,
        requestId,
        action: audited.action,
        targetType: "user",
        targetId: target.id,
        before: accessSnapshot(target),
        after: { ...accessSnapshot(updated), ...(audited.staffRole ? { staffRole: audited.staffRole } : {}) },
      });
      return adminUserView(updated);
    });
  }

  return {
    async list(input: z.output<typeof adminUserListInput>) {
      const page = await db.repos.users.list({ search: input.search, role: input.role, cursor: input.cursor, limit: input.limit });
      const figures = await figuresOf(page.items);
      return { items: page.items.map((user, index) => ({ ...adminUserView(user), figures: figures[index]! })), nextCursor: page.nextCursor };
    },

    /** The customer page: the account with its address book and figures. Orders, wallet and audit trail have their own lists. */
    async byId(userId: string) {
      const user = await db.repos.users.findById(userId);
      if (!user) throw notFound("User");
      const [figures] = await figuresOf([user]);
      return { ...adminUserView(user), addresses: accountView(user).addresses, figures: figures! };
    },

    update(admin: User, input: z.output<typeof adminUserUpdateInput>, requestId: string | null) {
      const changesAccess = input.role !== undefined || input.permissions !== undefined;
      return changeAccess(admin, input, requestId, {
        action: input.disabled === true ? "user.disable" : input.disabled === false && !changesAccess ? "user.enable" : "user.update_access",
      });
    },

    /** Makes the account an admin holding exactly the role's permissions (ADR 124); audited with the role's name. */
    assignRole(admin: User, input: z.output<typeof adminAssignRoleInput>, requestId: string | null) {
      const change = { userId: input.userId, role: "admin" as const, permissions: STAFF_ROLE_PERMISSIONS[input.staffRole], ...(input.totpCode === undefined ? {} : { totpCode: input.totpCode }) };
      return changeAccess(admin, change, requestId, { action: "user.assign_role", staffRole: input.staffRole });
    },

    async auditLog(input: z.output<typeof auditListInput>) {
      return db.repos.audit.list(input);
    },
  };
}

export type UsersService = ReturnType<typeof usersService>;
