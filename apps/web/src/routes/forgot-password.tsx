import { requestPasswordResetInput } from "@bbscart/core/schemas";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { AuthCard } from "../features/auth/auth-card";
import { Field, FormError, SubmitButton } from "../features/forms/field";
import { useSchemaForm } from "../features/forms/use-schema-form";
import { trpc } from "../lib/trpc";

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const request = trpc.auth.requestPasswordReset.useMutation();
  const { errors, submit: send } = useSchemaForm(requestPasswordResetInput, request);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return send({ email: new FormData(event.currentTarget).get("email") });
  };
  return (
    <AuthCard title="Reset your password" footer={<Link to="/sign-in" className="font-semibold text-teal-700 hover:underline">Back to sign in</Link>}>
      {request.isSuccess ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-emerald-900">
          If that address has an account, we have emailed it a link to choose a new password. The link works once, for a short while.
        </p>
      ) : (
        <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
          <FormError message={errors.form} />
          <Field label="Email" name="email" type="email" autoComplete="email" error={errors.email} />
          <SubmitButton busy={request.isPending}>Email me a reset link</SubmitButton>
        </form>
      )}
    </AuthCard>
  );
}
