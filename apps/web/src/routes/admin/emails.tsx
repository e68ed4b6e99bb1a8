import { NOTIFICATION_TEMPLATES, type NotificationTemplate } from "@bbscart/core";
import { useSearchParams } from "react-router";
import { SelectField } from "../../features/forms/field";
import { PageHeader, Panel } from "../../features/ui/layout";
import { QueryView } from "../../features/ui/states";
import { trpc } from "../../lib/trpc";

/** What each message is, in the owner's words. */
const TEMPLATE_NAMES: Record<NotificationTemplate, string> = {
  order_placed: "Order placed",
  order_confirmed: "Order confirmed",
  order_shipped: "Order shipped",
  order_delivered: "Order delivered",
  order_cancelled: "Order cancelled",
  payment_failed: "Payment failed",
  return_requested: "Return requested",
  return_approved: "Return approved",
  return_rejected: "Return declined",
  refund_issued: "Refund issued",
  wallet_credited: "Wallet credited",
  wallet_debited: "Wallet debited",
  password_reset: "Password reset",
};

const isTemplate = (value: string | null): value is NotificationTemplate => (NOTIFICATION_TEMPLATES as readonly string[]).includes(value ?? "");

/**
 * Every message the shop sends, rendered by the worker's own templates with a sample order: the
 * HTML as a mail client shows it (in a sandboxed frame: no scripts, no navigation), the plain-text
 * part and the SMS. Nothing is sent from here.
 */
export function EmailsPage() {
  const [params, setParams] = useSearchParams();
  const chosen = params.get("template");
  const template = isTemplate(chosen) ? chosen : "order_confirmed";
  const preview = trpc.admin.operations.emailPreview.useQuery({ template });

  return (
    <>
      <PageHeader title="Emails" description="What shoppers receive, shown with a sample order. Links in the preview do not open." />
      <div className="mb-4 max-w-sm">
        <SelectField label="Message" name="template" value={template} onChange={(event) => setParams({ template: event.target.value }, { replace: true })}>
          {NOTIFICATION_TEMPLATES.map((name) => (
            <option key={name} value={name}>
              {TEMPLATE_NAMES[name]}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryView query={preview} label="Rendering the message…">
        {(email) => (
          <div className="grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <Panel title="Email">
              <p className="mb-3 text-sm text-slate-700">
                <span className="font-semibold">Subject:</span> <span data-testid="email-subject">{email.subject}</span>
              </p>
              <iframe title={`${TEMPLATE_NAMES[template]} email preview`} sandbox="" srcDoc={email.html} className="h-[640px] w-full rounded border border-slate-200 bg-white" />
            </Panel>
            <div className="grid content-start gap-4">
              <Panel title="Plain-text part">
                <pre className="whitespace-pre-wrap break-words text-sm text-slate-800" data-testid="email-text">
                  {email.text}
                </pre>
              </Panel>
              <Panel title="SMS">
                <p className="text-sm text-slate-800">{email.sms}</p>
              </Panel>
            </div>
          </div>
        )}
      </QueryView>
    </>
  );
}
