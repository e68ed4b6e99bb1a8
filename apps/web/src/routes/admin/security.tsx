import { totpConfirmInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { Field, FormError } from "../../features/forms/field";
import { useSchemaForm } from "../../features/forms/use-schema-form";
import { PageHeader, Panel, Status } from "../../features/ui/layout";
import { QueryView } from "../../features/ui/states";
import { button } from "../../features/ui/styles";
import { trpc } from "../../lib/trpc";

/**
 * Two-step sign-in for the admin's own account: the API makes a secret, the admin adds it to an
 * authenticator app (by the otpauth link or by typing the secret) and proves it with one code.
 */
export function SecurityPage() {
  const me = trpc.auth.me.useQuery();
  const utils = trpc.useUtils();
  const begin = trpc.auth.beginTotp.useMutation();
  const confirm = trpc.auth.confirmTotp.useMutation({ onSuccess: (account) => utils.auth.me.setData(undefined, account) });
  const { errors, submit: send } = useSchemaForm(totpConfirmInput, confirm);
  const [done, setDone] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return send({ code: new FormData(event.currentTarget).get("code") }, () => setDone("Two-step sign-in is on."));
  };

  return (
    <>
      <PageHeader title="My security" description="Protect your admin account with an authenticator app (Google Authenticator, 1Password, Aegis…)." />
      <Panel title="Two-step sign-in" className="max-w-2xl">
        <QueryView query={me} label="your account">
          {(account) =>
            account.totpEnabled ? (
              <p className="text-sm text-teal-800" data-testid="totp-on">
                On. You will be asked for a code when you sign in, change someone's role or adjust a wallet.
              </p>
            ) : !begin.data ? (
              <div className="flex flex-col gap-3">
                <p className="text-sm text-slate-600">Off. Once on, sign-in, role changes and wallet adjustments need a code from your app.</p>
                <FormError message={begin.error?.message} />
                <button type="button" className={`${button.primary} w-fit`} disabled={begin.isPending} onClick={() => begin.mutate()}>
                  Set up an authenticator app
                </button>
              </div>
            ) : (
              <div className="flex flex-col gap-4">
                <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-700">
                  <li>
                    On this phone, <a href={begin.data.uri} className="font-medium text-teal-700 underline">open the setup link</a>; on another device, add an account in your app with
                    this key:
                    <code className="mt-1 block break-all rounded-lg bg-slate-100 px-3 py-2 font-mono text-base tracking-wider" data-testid="totp-secret">
                      {begin.data.secret}
                    </code>
                    <span className="mt-1 block break-all text-xs text-slate-500">{begin.data.uri}</span>
                  </li>
                  <li>Type the 6-digit code the app shows.</li>
                </ol>
                <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3 sm:max-w-xs">
                  <FormError message={errors.form} />
                  <Field label="Code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} error={errors.code} />
                  <button type="submit" className={button.primary} disabled={confirm.isPending}>
                    Turn on
                  </button>
                </form>
              </div>
            )
          }
        </QueryView>
        <Status message={done} />
      </Panel>
    </>
  );
}
