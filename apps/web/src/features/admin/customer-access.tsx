import { ADMIN_PERMISSIONS, type AdminPermission } from "@bbscart/core";
import { adminUserUpdateInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { trpc, type RouterOutputs } from "../../lib/trpc";
import { Field, FormError, SelectField } from "../forms/field";
import { formText } from "../forms/field-errors";
import { useSchemaForm } from "../forms/use-schema-form";
import { ConfirmDialog } from "../ui/dialog";
import { Status } from "../ui/layout";
import { button } from "../ui/styles";

export type AdminUser = RouterOutputs["admin"]["users"]["list"]["items"][number];

const permissionLabel: Record<AdminPermission, string> = {
  "orders.manage": "Run orders (and see sales)",
  "catalog.manage": "Edit the catalog and stock",
  "users.manage": "Manage customers and staff",
  "customers.view": "See customers (included in managing them)",
  "wallet.adjust": "Credit and debit wallets",
  "refunds.issue": "Issue refunds",
  "settings.manage": "Store settings and coupons",
  "operations.view": "Queues, webhooks and the audit log",
};

/** Asks for the acting admin's authenticator code only when they have one: the API requires it then. */
export function SecondFactorField({ error }: { error?: string | undefined }) {
  const me = trpc.auth.me.useQuery();
  if (!me.data?.totpEnabled) return null;
  return <Field label="Your authenticator code" name="totpCode" inputMode="numeric" autoComplete="one-time-code" maxLength={6} error={error} />;
}

export const totpFrom = (form: FormData) => formText(form, "totpCode") || undefined;

/** Role, permissions, and the disabled flag of one account; disabling asks once more first. */
export function CustomerAccess({ user, onSaved }: { user: AdminUser; onSaved: () => void }) {
  const update = trpc.admin.users.update.useMutation({ onSuccess: onSaved });
  const { errors, submit: save } = useSchemaForm(adminUserUpdateInput, update);
  const [saved, setSaved] = useState<string | null>(null);
  const [role, setRole] = useState(user.role);
  const [confirming, setConfirming] = useState(false);

  const send = (changes: Omit<Parameters<typeof update.mutateAsync>[0], "userId">, done: string) => save({ userId: user.id, ...changes }, () => setSaved(done));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const permissions = role === "admin" ? (form.getAll("permissions") as AdminPermission[]) : [];
    void send({ role, permissions, totpCode: totpFrom(form) }, "Access saved.");
  };

  return (
    <>
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" aria-label="Access">
        <FormError message={errors.form} />
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as AdminUser["role"])} error={errors.role}>
          <option value="shopper">Shopper</option>
          <option value="admin">Admin</option>
        </SelectField>
        {role === "admin" && (
          <fieldset className="flex flex-col gap-1.5 text-sm">
            <legend className="mb-1 font-medium text-slate-700">Permissions</legend>
            {ADMIN_PERMISSIONS.map((permission) => (
              <label key={permission} className="flex items-center gap-2">
                <input type="checkbox" name="permissions" value={permission} defaultChecked={user.permissions.includes(permission)} className="h-4 w-4" />
                {permissionLabel[permission]}
              </label>
            ))}
            {errors.permissions && <p role="alert" className="text-red-600">{errors.permissions}</p>}
          </fieldset>
        )}
        <SecondFactorField error={errors.totpCode} />
        <div className="flex flex-wrap items-center gap-2">
          <button type="submit" className={button.primary} disabled={update.isPending}>
            Save access
          </button>
          <button type="button" className={user.disabled ? button.secondary : button.danger} onClick={() => setConfirming(true)}>
            {user.disabled ? "Enable account" : "Disable account"}
          </button>
        </div>
        <Status message={saved} />
      </form>
      <ConfirmDialog
        open={confirming}
        title={user.disabled ? "Enable this account?" : "Disable this account?"}
        confirmLabel={user.disabled ? "Enable" : "Disable"}
        danger={!user.disabled}
        onConfirm={() => {
          setConfirming(false);
          void send({ disabled: !user.disabled }, user.disabled ? "Account enabled." : "Account disabled.");
        }}
        onClose={() => setConfirming(false)}
      >
        {user.disabled ? `${user.email} will be able to sign in again.` : `${user.email} will be signed out everywhere and unable to sign in until enabled again.`}
      </ConfirmDialog>
    </>
  );
}
