import { changePasswordInput, updateProfileInput } from "@bbscart/core/schemas";
import type { FormEvent } from "react";
import { trpc, type RouterOutputs } from "../../lib/trpc";
import { session } from "../auth/session";
import { Field, FormError, SubmitButton } from "../forms/field";
import { useSchemaForm } from "../forms/use-schema-form";
import { Status } from "../ui/layout";

type Me = RouterOutputs["auth"]["me"];

export function ProfileForm({ me }: { me: Me }) {
  const utils = trpc.useUtils();
  const update = trpc.auth.updateProfile.useMutation({
    onSuccess: (next) => {
      utils.auth.me.setData(undefined, next);
      session.accountChanged({ name: next.name });
    },
  });
  const { errors, submit: send } = useSchemaForm(updateProfileInput, update);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    return send({ name: form.get("name"), phone: form.get("phone") || null });
  };
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3" aria-label="Profile">
      <FormError message={errors.form} />
      <Field label="Full name" name="name" autoComplete="name" defaultValue={me.name} error={errors.name} />
      <Field label="Mobile number (optional)" name="phone" type="tel" autoComplete="tel" defaultValue={me.phone ?? ""} error={errors.phone} />
      <SubmitButton busy={update.isPending}>Save profile</SubmitButton>
      <Status message={update.isSuccess ? "Profile saved." : null} />
    </form>
  );
}

/** Changing the password signs out other sessions; this one continues with the new token the API returns. */
export function PasswordForm() {
  const change = trpc.auth.changePassword.useMutation();
  const { errors, submit: send } = useSchemaForm(changePasswordInput, change);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    return send({ currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") }, (result) => {
      session.signedIn({ accessToken: result.accessToken, account: result.account });
      formElement.reset();
    });
  };
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3" aria-label="Change password">
      <FormError message={errors.form} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} />
      <Field label="New password (at least 10 characters)" name="newPassword" type="password" autoComplete="new-password" error={errors.newPassword} />
      <SubmitButton busy={change.isPending}>Change password</SubmitButton>
      <Status message={change.isSuccess ? "Password changed." : null} />
    </form>
  );
}
