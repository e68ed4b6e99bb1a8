import { resetPasswordInput } from "@bbscart/core/schemas";
import type { FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { AuthCard } from "../features/auth/auth-card";
import { Field, FormError, SubmitButton } from "../features/forms/field";
import { useSchemaForm } from "../features/forms/use-schema-form";
import { trpc } from "../lib/trpc";

/** The page the emailed link opens (`/reset-password?token=…`). */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const reset = trpc.auth.resetPassword.useMutation();
  const { errors, submit: send } = useSchemaForm(resetPasswordInput, reset);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return send({ token, newPassword: new FormData(event.currentTarget).get("newPassword") });
  };
  return (
    <AuthCard title="Choose a new password">
      {reset.isSuccess ? (
        <p role="status" className="text-emerald-900">
          Your password is changed.{" "}
          <Link to="/sign-in" className="font-semibold text-teal-700 hover:underline">
            Sign in with it
          </Link>
        </p>
      ) : (
        <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
          <FormError message={errors.form ?? (errors.token && "This reset link is incomplete or has expired; ask for a new one.")} />
          <Field label="New password (at least 10 characters)" name="newPassword" type="password" autoComplete="new-password" error={errors.newPassword} />
          <SubmitButton busy={reset.isPending}>Save new password</SubmitButton>
          <Link to="/forgot-password" className="text-sm text-teal-700 hover:underline">
            Ask for a new link
          </Link>
        </form>
      )}
    </AuthCard>
  );
}
