import { registerInput } from "@bbscart/core/schemas";
import type { FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { AuthCard } from "../features/auth/auth-card";
import { nextPage } from "../features/auth/next-page";
import { session } from "../features/auth/session";
import { Field, FormError, SubmitButton } from "../features/forms/field";
import { useSchemaForm } from "../features/forms/use-schema-form";
import { trpc } from "../lib/trpc";

export function RegisterPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const register = trpc.auth.register.useMutation();
  const { errors, submit: send } = useSchemaForm(registerInput, register);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { name: form.get("name"), email: form.get("email"), password: form.get("password"), phone: form.get("phone") || null };
    return send(values, (result) => {
      session.signedIn({ accessToken: result.accessToken, account: result.account });
      return navigate(nextPage(params, "/account"));
    });
  };

  return (
    <AuthCard title="Create your account" footer={<>Already have one? <Link to={`/sign-in?${params.toString()}`} className="font-semibold text-teal-700 hover:underline">Sign in</Link></>}>
      <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        <FormError message={errors.form} />
        <Field label="Full name" name="name" autoComplete="name" error={errors.name} required />
        <Field label="Email" name="email" type="email" autoComplete="email" error={errors.email} required />
        <Field label="Mobile number (optional)" name="phone" type="tel" autoComplete="tel" error={errors.phone} />
        <Field label="Password (at least 10 characters)" name="password" type="password" autoComplete="new-password" error={errors.password} required />
        <SubmitButton busy={register.isPending}>Create account</SubmitButton>
      </form>
    </AuthCard>
  );
}
