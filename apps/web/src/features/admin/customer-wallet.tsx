import { formatMoney } from "@bbscart/core";
import { walletAdjustmentInput } from "@bbscart/core/schemas";
import { useRef, useState, type FormEvent } from "react";
import { formatDateTime } from "../../lib/format-date";
import { trpc } from "../../lib/trpc";
import { Field, FormError, TextAreaField } from "../forms/field";
import { fieldMessage, formText } from "../forms/field-errors";
import { useSchemaForm } from "../forms/use-schema-form";
import { ConfirmDialog } from "../ui/dialog";
import { Status } from "../ui/layout";
import { QueryView } from "../ui/states";
import { button } from "../ui/styles";
import { Pager, Table } from "../ui/table";
import { parseAmount } from "./amount";
import { SecondFactorField, totpFrom } from "./customer-access";

/** One key per adjustment form: a double submit or a retried request moves the money once. */
const newKey = () => `adj-${crypto.randomUUID()}`;

/**
 * The customer's wallet statement (paged here, not in the URL: it belongs to the selected customer)
 * and credit/debit with a reason. A confirmed adjustment empties the form and says what moved to
 * whom, so nothing invites the same credit a second time.
 */
export function CustomerWallet({ userId, customerName }: { userId: string; customerName: string }) {
  const [cursors, setCursors] = useState<string[]>([]);
  const statement = trpc.admin.wallet.statement.useQuery({ userId, cursor: cursors.at(-1) ?? null, limit: 10 });
  const utils = trpc.useUtils();
  const adjust = trpc.admin.wallet.adjust.useMutation({
    onSuccess: () => {
      void utils.admin.wallet.statement.invalidate({ userId });
      // The customer page's balance figure reads the same wallet.
      void utils.admin.users.byId.invalidate({ userId });
    },
  });
  const { errors, setErrors, check, send: sendChecked } = useSchemaForm(walletAdjustmentInput, adjust);
  const [key, setKey] = useState(newKey);
  const [pending, setPending] = useState<Parameters<typeof adjust.mutateAsync>[0] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const currency = statement.data?.balance.currency ?? "INR";

  const review = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const magnitude = parseAmount(formText(form, "amount"), currency);
    if (magnitude === null) return setErrors({ amountMinor: fieldMessage(walletAdjustmentInput.shape.amountMinor, "must be an amount such as 100.00") });
    const amountMinor = form.get("direction") === "debit" ? -magnitude : magnitude;
    const checked = check({ userId, amountMinor, reason: form.get("reason"), idempotencyKey: key, totpCode: totpFrom(form) });
    if (!checked) return;
    setDone(null);
    setPending(checked);
  };

  const send = async () => {
    if (!pending) return;
    await sendChecked(pending, () => {
      const amount = formatMoney({ minor: Math.abs(pending.amountMinor), currency });
      setDone(pending.amountMinor > 0 ? `Credited ${amount} to ${customerName}'s wallet.` : `Debited ${amount} from ${customerName}'s wallet.`);
      setKey(newKey());
      formRef.current?.reset();
    });
    setPending(null);
  };

  return (
    <div className="flex flex-col gap-4">
      <QueryView query={statement} label="the wallet statement">
        {(data) => (
          <>
            <p className="text-sm text-slate-600">
              Balance <strong className="text-lg text-slate-900" data-testid="wallet-balance">{formatMoney(data.balance)}</strong>
            </p>
            {data.entries.length === 0 ? (
              <p className="text-sm text-slate-500">No wallet activity yet.</p>
            ) : (
              <Table
                caption="Wallet statement"
                head={
                  <>
                    <th scope="col" className="py-2 pr-3">When</th>
                    <th scope="col" className="pr-3">What</th>
                    <th scope="col" className="pr-3 text-right">Change</th>
                    <th scope="col" className="text-right">Balance</th>
                  </>
                }
              >
                {data.entries.map((entry) => (
                  <tr key={entry.id}>
                    <td className="py-2 pr-3 text-slate-600">{formatDateTime(entry.at)}</td>
                    <td className="pr-3">
                      {entry.kind.replaceAll("_", " ")}
                      {entry.memo && <span className="block text-xs text-slate-500">{entry.memo}</span>}
                    </td>
                    <td className={`pr-3 text-right tabular-nums ${entry.change.minor < 0 ? "text-red-700" : "text-teal-700"}`}>{formatMoney(entry.change)}</td>
                    <td className="text-right tabular-nums">{formatMoney(entry.balanceAfter)}</td>
                  </tr>
                ))}
              </Table>
            )}
            <Pager page={cursors.length + 1} nextCursor={data.nextCursor} onNext={(c) => setCursors([...cursors, c])} onPrevious={() => setCursors(cursors.slice(0, -1))} />
          </>
        )}
      </QueryView>
      <form ref={formRef} noValidate onSubmit={review} className="flex flex-col gap-3 border-t border-slate-100 pt-4" aria-label="Adjust wallet">
        <h3 className="font-semibold">Credit or debit</h3>
        <FormError message={errors.form ?? errors.idempotencyKey} />
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">Direction</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="direction" value="credit" defaultChecked /> Credit
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="direction" value="debit" /> Debit
          </label>
        </fieldset>
        <Field label={`Amount (${currency})`} name="amount" inputMode="decimal" error={errors.amountMinor} />
        <TextAreaField label="Reason (required, kept in the audit log)" name="reason" rows={2} error={errors.reason} />
        <SecondFactorField error={errors.totpCode} />
        <button type="submit" className={`${button.secondary} w-fit`}>
          Review adjustment…
        </button>
        <Status message={done} />
      </form>
      <ConfirmDialog open={pending !== null} title="Confirm wallet adjustment" confirmLabel="Confirm" busy={adjust.isPending} onConfirm={() => void send()} onClose={() => setPending(null)}>
        {pending && (
          <p>
            {pending.amountMinor > 0 ? "Credit" : "Debit"} <strong>{formatMoney({ minor: Math.abs(pending.amountMinor), currency })}</strong> — “{pending.reason}”. The ledger
            keeps it for good; a mistake is corrected by an opposite adjustment.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
