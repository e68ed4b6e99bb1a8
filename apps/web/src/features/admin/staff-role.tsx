import { STAFF_ROLE_PERMISSIONS, STAFF_ROLES, type StaffRole } from "@bbscart/core";
import { adminAssignRoleInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { trpc } from "../../lib/trpc";
import { FormError, SelectField } from "../forms/field";
import { useSchemaForm } from "../forms/use-schema-form";
import { Status } from "../ui/layout";
import { button } from "../ui/styles";
import { SecondFactorField, totpFrom, type AdminUser } from "./customer-access";
import { staffRoleLabel } from "./format";

/**
 * Gives an account one of the named staff roles (ADR 124): it becomes an admin holding exactly the
 * role's permissions. The permission editor below stays for exceptions, after which the account
 * reads "custom".
 */
export function StaffRoleForm({ user, onSaved }: { user: AdminUser; onSaved: () => void }) {
  const assign = trpc.admin.users.assignRole.useMutation({ onSuccess: onSaved });
  const { errors, submit } = useSchemaForm(adminAssignRoleInput, assign);
  const [staffRole, setStaffRole] = useState<StaffRole>(user.staffRole ?? "support");
  const [saved, setSaved] = useState<string | null>(null);

  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void submit({ userId: user.id, staffRole, totpCode: totpFrom(form) }, () => setSaved(`Role set to ${staffRoleLabel[staffRole]}.`));
  };

  const current = user.role !== "admin" ? "None (shopper)" : user.staffRole ? staffRoleLabel[user.staffRole] : "Custom permissions";
  return (
    <form noValidate onSubmit={send} className="flex flex-col gap-3" aria-label="Staff role">
      <p className="text-sm">
        <span className="text-slate-600">Current role: </span>
        <span className="font-medium" data-testid="staff-role">
          {current}
        </span>
      </p>
      <FormError message={errors.form} />
      <SelectField label="Staff role" value={staffRole} onChange={(e) => setStaffRole(e.target.value as StaffRole)} error={errors.staffRole}>
        {STAFF_ROLES.map((role) => (
          <option key={role} value={role}>
            {staffRoleLabel[role]} — {STAFF_ROLE_PERMISSIONS[role].length} permission{STAFF_ROLE_PERMISSIONS[role].length === 1 ? "" : "s"}
          </option>
        ))}
      </SelectField>
      <SecondFactorField error={errors.totpCode} />
      <div>
        <button type="submit" className={button.primary} disabled={assign.isPending}>
          Assign role
        </button>
      </div>
      <Status message={saved} />
    </form>
  );
}
