import { taxRegisterInput } from "@bbscart/core/schemas";
import { useState } from "react";
import { Field, FormError } from "../forms/field";
import { Panel } from "../ui/layout";
import { button } from "../ui/styles";
import { downloadCsv } from "./download-csv";

/** The first and last day of last month (IST calendar days, as the registers read them): the usual GSTR-1 period. */
function lastMonth(today = new Date()): { from: string; to: string } {
  const first = new Date(Date.UTC(today.getFullYear(), today.getMonth() - 1, 1));
  const last = new Date(Date.UTC(today.getFullYear(), today.getMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/**
 * The accountant's registers (ADR 154): invoices and credit notes issued between two days, both
 * included, as GSTR-1-friendly CSV. The range is checked with the API's own schema before asking.
 */
export function TaxRegisters() {
  const [range, setRange] = useState(lastMonth);
  const [error, setError] = useState<string | undefined>();
  const checked = taxRegisterInput.safeParse(range);
  const fieldError = (field: "from" | "to") => (checked.success ? undefined : checked.error.issues.find((issue) => issue.path[0] === field)?.message);
  const download = (name: "invoices" | "credit-notes") => {
    setError(undefined);
    downloadCsv(`/api/admin/exports/${name}.csv`, range).catch((failure: Error) => setError(failure.message));
  };
  return (
    <Panel title="GST registers for the accountant">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Issued from" type="date" value={range.from} error={fieldError("from")} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} />
        <Field label="Issued to" type="date" value={range.to} error={fieldError("to")} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} />
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={button.secondary} disabled={!checked.success} onClick={() => download("invoices")}>
          Invoice register (CSV)
        </button>
        <button type="button" className={button.secondary} disabled={!checked.success} onClick={() => download("credit-notes")}>
          Credit-note register (CSV)
        </button>
      </div>
      <FormError message={error} />
    </Panel>
  );
}
