import { changePasswordInput, updateProfileInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { trpc, type RouterOutputs } from "../../lib/trpc";
import { session } from "../auth/session";
import { serverErrors, validate, type FieldErrors } from "../forms/field-errors";
import { Field, FormError, SubmitButton } from "../forms/field";

type Me = RouterOutputs["auth"]["me"];

function Saved({ show, children }: { show: boolean; children: string }) {
  return (
    <p role="status" aria-live="polite" className="text-sm text-emerald-700">
      {show ? children : ""}
    </p>
  );
}

export function ProfileForm({ me }: { me: Me }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const utils = trpc.useUtils();
  const update = trpc.auth.updateProfile.useMutation({ onSuccess: (next) => utils.auth.me.setData(undefined, next) });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = validate(updateProfileInput, { name: form.get("name"), phone: form.get("phone") || null });
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    try {
      await update.mutateAsync(parsed.value);
    } catch (error) {
      setErrors(serverErrors(error));
    }
  };
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3" aria-label="Profile">
      <FormError message={errors.form} />
      <Field label="Full name" name="name" autoComplete="name" defaultValue={me.name} error={errors.name} />
      <Field label="Mobile number (optional)" name="phone" type="tel" autoComplete="tel" defaultValue={me.phone ?? ""} error={errors.phone} />
      <SubmitButton busy={update.isPending}>Save profile</SubmitButton>
      <Saved show={update.isSuccess}>Profile saved.</Saved>
    </form>
  );
}

/** Changing the password signs out other sessions; this one continues with the new token the API returns. */
export function PasswordForm() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const change = trpc.auth.changePassword.useMutation();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const parsed = validate(changePasswordInput, { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") });
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    try {
      const result = await change.mutateAsync(parsed.value);
      session.signedIn({ accessToken: result.accessToken, account: result.account });
      formElement.reset();
    } catch (error) {
      setErrors(serverErrors(error));
    }
  };
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3" aria-label="Change password">
      <FormError message={errors.form} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} />
      <Field label="New password (at least 10 characters)" name="newPassword" type="password" autoComplete="new-password" error={errors.newPassword} />
      <SubmitButton busy={change.isPending}>Change password</SubmitButton>
      <Saved show={change.isSuccess}>Password changed.</Saved>
    </form>
  );
}
