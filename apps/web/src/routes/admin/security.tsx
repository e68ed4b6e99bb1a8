import { regenerateRecoveryCodesInput, totpConfirmInput } from "@bbscart/core/schemas";
import QRCode from "qrcode";
import { useEffect, useState, type FormEvent } from "react";
import { session } from "../../features/auth/session";
import { Field, FormError } from "../../features/forms/field";
import { useSchemaForm } from "../../features/forms/use-schema-form";
import { PageHeader, Panel } from "../../features/ui/layout";
import { QueryView } from "../../features/ui/states";
import { button } from "../../features/ui/styles";
import { trpc } from "../../lib/trpc";

/**
 * Two-step sign-in for the admin's own account: the API makes a secret, the admin adds it to an
 * authenticator app (by scanning the QR code, opening the otpauth link or typing the secret) and
 * proves it with one code; the answer's recovery codes are shown this once.
 */
export function SecurityPage() {
  const me = trpc.auth.me.useQuery();
  const utils = trpc.useUtils();
  const begin = trpc.auth.beginTotp.useMutation();
  const confirm = trpc.auth.confirmTotp.useMutation({
    onSuccess: (enrolled) => {
      // Enrolling ended every other sign-in; this tab continues on the new one in the answer.
      session.signedIn({ accessToken: enrolled.accessToken, account: enrolled.account });
      utils.auth.me.setData(undefined, enrolled.account);
    },
  });
  const { errors, submit: send } = useSchemaForm(totpConfirmInput, confirm);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return send({ code: new FormData(event.currentTarget).get("code") }, (result) => setRecoveryCodes(result.recoveryCodes));
  };

  return (
    <>
      <PageHeader title="My security" description="Protect your admin account with an authenticator app (Google Authenticator, 1Password, Aegis…)." />
      <Panel title="Two-step sign-in" className="max-w-2xl">
        <QueryView query={me} label="your account">
          {(account) =>
            recoveryCodes ? (
              <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
            ) : account.totpEnabled ? (
              <Enrolled recoveryCodesLeft={account.recoveryCodesLeft} onNewCodes={setRecoveryCodes} />
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
                    Scan this code with your app:
                    <QrCode text={begin.data.uri} />
                    On this phone, <a href={begin.data.uri} className="font-medium text-teal-700 underline">open the setup link</a> instead; or add an account in your app
                    with this key:
                    <code className="mt-1 block break-all rounded-lg bg-slate-100 px-3 py-2 font-mono text-base tracking-wider" data-testid="totp-secret">
                      {begin.data.secret}
                    </code>
                  </li>
                  <li>Type the 6-digit code the app shows.</li>
                </ol>
                <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3 sm:max-w-xs">
                  <FormError message={errors.form} />
                  <Field label="Code" name="code" inputMode="numeric" pattern="[0-9]*" autoComplete="one-time-code" maxLength={6} error={errors.code} />
                  <button type="submit" className={button.primary} disabled={confirm.isPending}>
                    Turn on
                  </button>
                </form>
              </div>
            )
          }
        </QueryView>
      </Panel>
    </>
  );
}

/** The otpauth link as a QR code, drawn here (SVG in a data URL): the secret never leaves the page. */
function QrCode({ text }: { text: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(text, { type: "svg", margin: 2, errorCorrectionLevel: "M" }).then((svg) => {
      if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [text]);
  return src ? <img src={src} alt="QR code to scan with your authenticator app" width={192} height={192} className="my-2 block rounded-lg border border-slate-200" data-testid="totp-qr" /> : null;
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="flex flex-col gap-3" data-testid="recovery-codes">
      <p className="text-sm font-medium text-teal-800">Two-step sign-in is on. Save these recovery codes now: they are shown only this once.</p>
      <p className="text-sm text-slate-600">If you lose your phone, sign in with one of them instead of a code. Each works once.</p>
      <ul className="grid grid-cols-2 gap-2 rounded-lg bg-slate-100 p-3 font-mono text-base sm:max-w-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <button type="button" className={`${button.primary} w-fit`} onClick={onDone}>
        I have saved them
      </button>
    </div>
  );
}

function Enrolled({ recoveryCodesLeft, onNewCodes }: { recoveryCodesLeft: number; onNewCodes: (codes: string[]) => void }) {
  const utils = trpc.useUtils();
  const regenerate = trpc.auth.regenerateRecoveryCodes.useMutation({ onSuccess: () => utils.auth.me.invalidate() });
  const { errors, submit: send } = useSchemaForm(regenerateRecoveryCodesInput, regenerate);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return send({ code: new FormData(event.currentTarget).get("code") }, (result) => onNewCodes(result.recoveryCodes));
  };
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-teal-800" data-testid="totp-on">
        On. You will be asked for a code when you sign in, change someone's role or adjust a wallet.
      </p>
      <p className="text-sm text-slate-700" data-testid="recovery-codes-left">
        {recoveryCodesLeft === 1 ? "1 recovery code left." : `${recoveryCodesLeft} recovery codes left.`}
        {recoveryCodesLeft < 4 ? " Make new ones soon." : ""}
      </p>
      <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3 sm:max-w-xs" aria-label="New recovery codes">
        <FormError message={errors.form} />
        <Field label="Code from your app" name="code" inputMode="numeric" pattern="[0-9]*" autoComplete="one-time-code" maxLength={6} error={errors.code} />
        <button type="submit" className={button.secondary} disabled={regenerate.isPending}>
          Make new recovery codes
        </button>
      </form>
    </div>
  );
}
