import { completeSignInInput, loginInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { AuthCard } from "../features/auth/auth-card";
import { nextPage } from "../features/auth/next-page";
import { session, type Session } from "../features/auth/session";
import { Field, FormError, SubmitButton } from "../features/forms/field";
import { useSchemaForm } from "../features/forms/use-schema-form";
import { button } from "../features/ui/styles";
import { trpc } from "../lib/trpc";

export function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = trpc.auth.login.useMutation();
  const { errors, submit: send } = useSchemaForm(loginInput, login);
  const [challenge, setChallenge] = useState<string | null>(null);

  const signedIn = (result: Session) => {
    session.signedIn({ accessToken: result.accessToken, account: result.account });
    return navigate(nextPage(params, "/"));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    return send({ email: form.get("email"), password: form.get("password") }, (result) =>
      // An account with a second factor gets a challenge for the code step instead of a session.
      "challenge" in result ? setChallenge(result.challenge.token) : signedIn(result),
    );
  };

  if (challenge) return <CodeStep challenge={challenge} onSignedIn={signedIn} onRestart={() => setChallenge(null)} />;

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

/**
 * The second step for an account with an authenticator app: its 6-digit code, or one recovery code.
 * A challenge that expired or took too many wrong codes sends the user back to the password.
 */
function CodeStep({
  challenge,
  onSignedIn,
  onRestart,
}: {
  challenge: string;
  onSignedIn: (signedIn: Session) => unknown;
  onRestart: () => void;
}) {
  const complete = trpc.auth.completeSignIn.useMutation();
  const { errors, submit: send } = useSchemaForm(completeSignInInput, complete);
  const [recovery, setRecovery] = useState(false);
  const reason = complete.error?.data?.reason;
  const dead = reason === "CHALLENGE_INVALID" || reason === "CHALLENGE_EXHAUSTED";

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get(recovery ? "recoveryCode" : "code");
    return send(recovery ? { challenge, recoveryCode: value } : { challenge, code: value }, onSignedIn);
  };

  return (
    <AuthCard title="Enter your code">
      {dead ? (
        <div className="flex flex-col gap-4">
          <FormError message={errors.challenge ?? errors.form} />
          <button type="button" className={button.primary} onClick={onRestart}>
            Sign in again
          </button>
        </div>
      ) : (
        <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-4" aria-label="Second step">
          <p className="text-sm text-slate-600">
            {recovery
              ? "Type one of the recovery codes you saved when you set up two-step sign-in. Each code works once."
              : "Open your authenticator app and type the 6-digit code it shows for BBSCART."}
          </p>
          <FormError message={errors.form ?? errors.challenge} />
          {recovery ? (
            <Field key="recovery" label="Recovery code" name="recoveryCode" autoComplete="off" autoCapitalize="none" spellCheck={false} error={errors.recoveryCode} />
          ) : (
            <Field key="code" label="Code" name="code" inputMode="numeric" pattern="[0-9]*" autoComplete="one-time-code" maxLength={6} autoFocus error={errors.code} />
          )}
          <SubmitButton busy={complete.isPending}>Continue</SubmitButton>
          <button type="button" className={`${button.link} w-fit text-sm`} onClick={() => setRecovery(!recovery)}>
            {recovery ? "Use the code from your app instead" : "Lost your phone? Use a recovery code"}
          </button>
        </form>
      )}
    </AuthCard>
  );
}
