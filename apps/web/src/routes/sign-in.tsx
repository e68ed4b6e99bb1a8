import { loginInput } from "@bbscart/core/schemas";
import type { FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { AuthCard } from "../features/auth/auth-card";
import { nextPage } from "../features/auth/next-page";
import { session } from "../features/auth/session";
import { Field, FormError, SubmitButton } from "../features/forms/field";
import { useSchemaForm } from "../features/forms/use-schema-form";
import { trpc } from "../lib/trpc";

export function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = trpc.auth.login.useMutation();
  const { errors, submit: send } = useSchemaForm(loginInput, login);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    return send({ email: form.get("email"), password: form.get("password") }, (result) => {
      session.signedIn({ accessToken: result.accessToken, account: result.account });
      return navigate(nextPage(params, "/"));
    });
  };

  return (
    <AuthCard
      title="Sign in"
      footer={
        <>
          New here? <Link to={`/register?${params.toString()}`} className="font-semibold text-teal-700 hover:underline">Create an account</Link> ·{" "}
          <Link to="/forgot-password" className="text-teal-700 hover:underline">Forgot your password?</Link>
        </>
      }
    >
      <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        <FormError message={errors.form} />
        <Field label="Email" name="email" type="email" autoComplete="email" error={errors.email} required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" error={errors.password} required />
        <SubmitButton busy={login.isPending}>Sign in</SubmitButton>
      </form>
    </AuthCard>
  );
}
