import type { Clock, DatabaseHandle, IdGenerator, User } from "@bbscart/core";
import type { adminUserListInput, adminUserUpdateInput, auditListInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { accountView } from "./account-view.js";
import { AppError, audit, notFound, refused } from "../common/index.js";
import type { StepUp } from "./second-factor.js";

/** What the admin console shows of a customer or colleague: the account, minus addresses, plus status. */
export function adminUserView(user: User) {
  const { addresses: _addresses, ...account } = accountView(user);
  return { ...account, disabled: user.disabled };
}

/** The fields an access change touches, as they are written to the audit log. */
const accessSnapshot = (user: User) => ({ role: user.role, permissions: [...user.permissions], disabled: user.disabled });

/** Admins managing accounts: search, roles and permissions, disabling — every change audited. */
export function usersService({ db, clock, ids, stepUp }: { db: DatabaseHandle; clock: Clock; ids: IdGenerator; stepUp: StepUp }) {
  return {
    async list(input: z.output<typeof adminUserListInput>) {
      const page = await db.repos.users.list({ search: input.search, role: input.role, cursor: input.cursor, limit: input.limit });
      return { items: page.items.map(adminUserView), nextCursor: page.nextCursor };
    },

    async update(admin: User, input: z.output<typeof adminUserUpdateInput>, requestId: string | null) {
      const changesAccess = input.role !== undefined || input.permissions !== undefined;
      if (input.userId === admin.id && (input.role === "shopper" || input.disabled === true)) {
        throw new AppError("BAD_REQUEST", "You cannot demote or disable your own account", { field: "userId" });
      }
      if (changesAccess) await stepUp(admin, input.totpCode);

      return db.uow.run(async (repos) => {
        const now = clock.now();
        const target = await repos.users.findById(input.userId);
        if (!target) throw notFound("User");
        const role = input.role ?? target.role;
        // Guarded: never leaves the store without an enabled admin who can manage users, even when
        // two admins disable each other at the same moment.
        const updated = await repos.users.updateAccess(target.id, {
          role,
          // Shoppers hold no admin permissions, whatever was asked.
          permissions: role === "admin" ? (input.permissions ?? target.permissions) : [],
          ...(input.disabled === undefined ? {} : { disabled: input.disabled }),
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
          action: input.disabled === true ? "user.disable" : input.disabled === false && !changesAccess ? "user.enable" : "user.update_access",
          targetType: "user",
          targetId: target.id,
          before: accessSnapshot(target),
          after: accessSnapshot(updated),
        });
        return adminUserView(updated);
      });
    },

    async auditLog(input: z.output<typeof auditListInput>) {
      return db.repos.audit.list(input);
    },
  };
}

export type UsersService = ReturnType<typeof usersService>;
