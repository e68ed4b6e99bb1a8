import { formatMoney, type CouponKind } from "@bbscart/core";
import { couponCreateInput, couponUpdateInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { amountText, parseAmount, parseScaled, scaledText } from "../../features/admin/amount";
import { dateTimeInput } from "../../features/admin/format";
import { useUrlTable } from "../../features/admin/url-state";
import { Field, FormError, SelectField } from "../../features/forms/field";
import { formText } from "../../features/forms/field-errors";
import { useSchemaForm } from "../../features/forms/use-schema-form";
import { Dialog } from "../../features/ui/dialog";
import { Badge, PageHeader, Status, type Tone } from "../../features/ui/layout";
import { button } from "../../features/ui/styles";
import { PagedTable } from "../../features/ui/table";
import { formatDate } from "../../lib/format-date";
import { trpc, type RouterOutputs } from "../../lib/trpc";

type Coupon = RouterOutputs["admin"]["settings"]["coupons"]["list"]["items"][number];

function discountText(coupon: Coupon): string {
  if (coupon.kind === "fixed") return `${formatMoney(coupon.amount)} off`;
  return `${scaledText(coupon.percentBp, 2).replace(/\.00$/, "")}% off${coupon.maxDiscount ? `, at most ${formatMoney(coupon.maxDiscount)}` : ""}`;
}

type CouponStatus = Coupon["status"];

/** The status the API derived for now (core's `couponStatus`), never the stored on/off switch alone. */
const statusLabels: Record<CouponStatus, string> = { active: "Active", scheduled: "Scheduled", expired: "Expired", used_up: "Used up", disabled: "Off" };
const statusTones: Record<CouponStatus, Tone> = { active: "teal", scheduled: "blue", expired: "slate", used_up: "amber", disabled: "slate" };

/** Open dialog: a new coupon, or the coupon being edited (as listed, with the version the edit is made from). */
type Editing = { kind: "new" } | { kind: "edit"; coupon: Coupon } | null;

export function CouponsPage() {
  const table = useUrlTable([] as const);
  const coupons = trpc.admin.settings.coupons.list.useQuery({ cursor: table.cursor, limit: 20 });
  const utils = trpc.useUtils();
  const refresh = () => void utils.admin.settings.coupons.list.invalidate();
  const toggle = trpc.admin.settings.coupons.update.useMutation({ onSettled: refresh });
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const open = (next: Editing) => {
    setSaved(null);
    setEditing(next);
  };

  return (
    <>
      <PageHeader
        title="Coupons"
        description="Discount codes, their limits, how often each has been used and what its paid orders brought in."
        actions={
          <button type="button" className={button.primary} onClick={() => open({ kind: "new" })}>
            New coupon
          </button>
        }
      />
      <Status message={saved} />
      {toggle.error && <FormError message={toggle.error.message} />}
      <PagedTable
        query={coupons}
        label="coupons"
        empty="No coupons yet."
        pager={table}
        head={
          <>
            <th scope="col" className="py-2 pr-3">Code</th>
            <th scope="col" className="pr-3">Discount</th>
            <th scope="col" className="pr-3">Minimum</th>
            <th scope="col" className="pr-3">Valid</th>
            <th scope="col" className="pr-3 text-right">Redemptions</th>
            <th scope="col" className="pr-3 text-right">Revenue</th>
            <th scope="col">Status</th>
          </>
        }
      >
        {(coupon) => (
          <tr key={coupon.code}>
            <td className="py-2 pr-3">
              <span className="font-mono font-semibold">{coupon.code}</span>
              {coupon.description && <span className="block text-xs text-slate-600">{coupon.description}</span>}
            </td>
            <td className="pr-3">{discountText(coupon)}</td>
            <td className="pr-3">{coupon.minOrder ? formatMoney(coupon.minOrder) : "—"}</td>
            <td className="pr-3 text-slate-600">
              {coupon.startsAt ? formatDate(coupon.startsAt) : "now"} – {coupon.expiresAt ? formatDate(coupon.expiresAt) : "no end"}
            </td>
            <td className="pr-3 text-right tabular-nums">
              {coupon.usedCount}
              {coupon.usageLimit !== null && ` / ${coupon.usageLimit}`}
              {coupon.perCustomerLimit !== null && <span className="block text-xs text-slate-600">{coupon.perCustomerLimit} per customer</span>}
            </td>
            <td className="pr-3 text-right tabular-nums">
              {coupon.sales.length === 0
                ? "—"
                : coupon.sales.map((row) => (
                    <span key={row.currency} className="block">
                      {formatMoney(row.net)}
                      <span className="block text-xs text-slate-600">
                        {row.orders} paid {row.orders === 1 ? "order" : "orders"}
                      </span>
                    </span>
                  ))}
            </td>
            <td>
              <span className="flex items-center gap-2">
                <Badge tone={statusTones[coupon.status]}>{statusLabels[coupon.status]}</Badge>
                <button type="button" className="text-sm font-medium text-teal-700 hover:underline" onClick={() => open({ kind: "edit", coupon })}>
                  Edit<span className="sr-only"> {coupon.code}</span>
                </button>
                <button
                  type="button"
                  className="text-sm font-medium text-teal-700 hover:underline"
                  disabled={toggle.isPending}
                  onClick={() => toggle.mutate({ code: coupon.code, expectedVersion: coupon.version, active: !coupon.active })}
                >
                  {coupon.active ? "Turn off" : "Turn on"}
                  <span className="sr-only"> {coupon.code}</span>
                </button>
              </span>
            </td>
          </tr>
        )}
      </PagedTable>
      <Dialog open={editing !== null} title={editing?.kind === "edit" ? `Edit ${editing.coupon.code}` : "New coupon"} onClose={() => setEditing(null)}>
        {editing && (
          <CouponForm
            key={editing.kind === "edit" ? `${editing.coupon.code}@${editing.coupon.version}` : "new"}
            coupon={editing.kind === "edit" ? editing.coupon : null}
            onDone={(message) => {
              setEditing(null);
              setSaved(message);
              refresh();
            }}
            onStale={refresh}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>
    </>
  );
}

/**
 * Creates a coupon, or edits every rule of one but its code (orders and redemptions name it). An
 * edit carries the version it was opened at: if someone changed the coupon since, the API refuses
 * it (409) and the list reloads, so reopening shows what is stored now. On success the dialog
 * closes, its values are gone, and the page says what was saved.
 */
function CouponForm({ coupon, onDone, onStale, onCancel }: { coupon: Coupon | null; onDone: (message: string) => void; onStale: () => void; onCancel: () => void }) {
  const store = trpc.catalog.storeInfo.useQuery();
  const create = trpc.admin.settings.coupons.create.useMutation();
  const update = trpc.admin.settings.coupons.update.useMutation({ onError: (error) => error.data?.code === "CONFLICT" && onStale() });
  const [kind, setKind] = useState<CouponKind>(coupon?.kind ?? "percentage");
  const creating = useSchemaForm(couponCreateInput, create);
  const editing = useSchemaForm(couponUpdateInput, update);
  const errors = coupon ? editing.errors : creating.errors;
  const currency = store.data?.currency ?? "INR";
  /** An error for a field, whether the schema named it at the top (create) or under `discount` (edit). */
  const errorOf = (field: string) => errors[field] ?? errors[`discount.${field}`];
  const money = (minor: number | null | undefined) => (minor === null || minor === undefined ? "" : amountText(minor, currency));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => formText(form, name).trim();
    const optionalMoney = (name: string) => (text(name) === "" ? null : (parseAmount(text(name), currency) ?? text(name)));
    const optionalInt = (name: string) => (text(name) === "" ? null : /^\d+$/.test(text(name)) ? Number(text(name)) : text(name));
    const optionalDate = (name: string) => (text(name) === "" ? null : text(name));
    const discount =
      kind === "percentage"
        ? { kind, percentBp: parseScaled(text("percent"), 2) ?? text("percent"), maxDiscountMinor: optionalMoney("maxDiscount") }
        : { kind, amountMinor: parseAmount(text("amount"), currency) ?? text("amount") };
    const rules = {
      description: text("description"),
      active: form.get("active") === "on",
      minOrderMinor: optionalMoney("minOrder"),
      startsAt: optionalDate("startsAt"),
      expiresAt: optionalDate("expiresAt"),
      usageLimit: optionalInt("usageLimit"),
      perCustomerLimit: optionalInt("perCustomerLimit"),
    };
    const done = (message: string) => () => {
      element.reset();
      onDone(message);
    };
    if (coupon) await editing.submit({ code: coupon.code, expectedVersion: coupon.version, discount, ...rules }, done(`Saved ${coupon.code}.`));
    else await creating.submit({ code: text("code"), ...discount, ...rules }, done(`Created ${text("code").toUpperCase()}.`));
  };

  const percentage = coupon?.kind === "percentage" ? coupon : null;
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3">
      <FormError message={errors.expectedVersion ?? errors.form} />
      <div className="grid gap-3 sm:grid-cols-2">
        {coupon ? (
          <p className="text-sm text-slate-700">
            <span className="block font-medium">Code</span>
            <span className="font-mono font-semibold">{coupon.code}</span> <span className="text-xs text-slate-600">(cannot change: orders name it)</span>
          </p>
        ) : (
          <Field label="Code" name="code" autoFocus error={errors.code} />
        )}
        <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="percentage">Percentage</option>
          <option value="fixed">Fixed amount</option>
        </SelectField>
        <div className="sm:col-span-2">
          <Field label="Description (optional)" name="description" defaultValue={coupon?.description ?? ""} error={errors.description} />
        </div>
        {kind === "percentage" ? (
          <>
            <Field label="Percent off" name="percent" inputMode="decimal" defaultValue={percentage ? scaledText(percentage.percentBp, 2) : ""} error={errorOf("percentBp")} />
            <Field
              label={`At most (${currency}, optional)`}
              name="maxDiscount"
              inputMode="decimal"
              defaultValue={money(percentage?.maxDiscount?.minor)}
              error={errorOf("maxDiscountMinor")}
            />
          </>
        ) : (
          <Field
            label={`Amount off (${currency})`}
            name="amount"
            inputMode="decimal"
            defaultValue={money(coupon?.kind === "fixed" ? coupon.amount.minor : null)}
            error={errorOf("amountMinor")}
          />
        )}
        <Field label={`Minimum order (${currency}, optional)`} name="minOrder" inputMode="decimal" defaultValue={money(coupon?.minOrder?.minor)} error={errors.minOrderMinor} />
        <Field label="Starts (optional)" name="startsAt" type="datetime-local" defaultValue={dateTimeInput(coupon?.startsAt ?? null)} error={errors.startsAt} />
        <Field label="Expires (optional)" name="expiresAt" type="datetime-local" defaultValue={dateTimeInput(coupon?.expiresAt ?? null)} error={errors.expiresAt} />
        <Field label="Total uses (optional)" name="usageLimit" inputMode="numeric" defaultValue={coupon?.usageLimit ?? ""} error={errors.usageLimit} />
        <Field label="Uses per customer (optional)" name="perCustomerLimit" inputMode="numeric" defaultValue={coupon?.perCustomerLimit ?? ""} error={errors.perCustomerLimit} />
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" name="active" defaultChecked={coupon?.active ?? true} className="h-4 w-4" /> Enabled
        </label>
      </div>
      {coupon && coupon.usedCount > 0 && (
        <p className="text-sm text-slate-600">
          Used {coupon.usedCount} {coupon.usedCount === 1 ? "time" : "times"}: orders already placed keep their discount, and the total uses cannot go below that.
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" className={button.secondary} onClick={onCancel}>
          Back
        </button>
        <button type="submit" className={button.primary} disabled={create.isPending || update.isPending}>
          {coupon ? "Save changes" : "Create coupon"}
        </button>
      </div>
    </form>
  );
}
