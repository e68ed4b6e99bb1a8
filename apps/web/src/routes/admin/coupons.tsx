import { formatMoney, type CouponKind } from "@bbscart/core";
import { couponCreateInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { parseAmount, parseScaled, scaledText } from "../../features/admin/amount";
import { useUrlTable } from "../../features/admin/url-state";
import { Field, FormError, SelectField } from "../../features/forms/field";
import { formText } from "../../features/forms/field-errors";
import { useSchemaForm } from "../../features/forms/use-schema-form";
import { Dialog } from "../../features/ui/dialog";
import { Badge, PageHeader, type Tone } from "../../features/ui/layout";
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

export function CouponsPage() {
  const table = useUrlTable([] as const);
  const coupons = trpc.admin.settings.coupons.list.useQuery({ cursor: table.cursor, limit: 20 });
  const utils = trpc.useUtils();
  const refresh = () => void utils.admin.settings.coupons.list.invalidate();
  const update = trpc.admin.settings.coupons.update.useMutation({ onSuccess: refresh });
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Coupons"
        description="Discount codes, their limits and how often each has been used."
        actions={
          <button type="button" className={button.primary} onClick={() => setCreating(true)}>
            New coupon
          </button>
        }
      />
      {update.error && <FormError message={update.error.message} />}
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
            <th scope="col" className="pr-3 text-right">Used</th>
            <th scope="col">State</th>
          </>
        }
      >
        {(coupon) => (
          <tr key={coupon.code}>
            <td className="py-2 pr-3 font-mono font-semibold">{coupon.code}</td>
            <td className="pr-3">{discountText(coupon)}</td>
            <td className="pr-3">{coupon.minOrder ? formatMoney(coupon.minOrder) : "—"}</td>
            <td className="pr-3 text-slate-600">
              {coupon.startsAt ? formatDate(coupon.startsAt) : "now"} – {coupon.expiresAt ? formatDate(coupon.expiresAt) : "no end"}
            </td>
            <td className="pr-3 text-right tabular-nums">
              {coupon.usedCount}
              {coupon.usageLimit !== null && ` / ${coupon.usageLimit}`}
              {coupon.perCustomerLimit !== null && <span className="block text-xs text-slate-500">{coupon.perCustomerLimit} per customer</span>}
            </td>
            <td>
              <span className="flex items-center gap-2">
                <Badge tone={statusTones[coupon.status]}>{statusLabels[coupon.status]}</Badge>
                <button type="button" className="text-sm font-medium text-teal-700 hover:underline" disabled={update.isPending} onClick={() => update.mutate({ code: coupon.code, active: !coupon.active })}>
                  {coupon.active ? "Turn off" : "Turn on"}
                  <span className="sr-only"> {coupon.code}</span>
                </button>
              </span>
            </td>
          </tr>
        )}
      </PagedTable>
      <Dialog open={creating} title="New coupon" onClose={() => setCreating(false)}>
        <CouponForm
          onDone={() => {
            setCreating(false);
            refresh();
          }}
          onCancel={() => setCreating(false)}
        />
      </Dialog>
    </>
  );
}

function CouponForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const store = trpc.catalog.storeInfo.useQuery();
  const create = trpc.admin.settings.coupons.create.useMutation();
  const [kind, setKind] = useState<CouponKind>("percentage");
  const { errors, submit: send } = useSchemaForm(couponCreateInput, create);
  const currency = store.data?.currency ?? "INR";

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name).trim();
    const optionalMoney = (name: string) => (text(name) === "" ? null : (parseAmount(text(name), currency) ?? text(name)));
    const optionalInt = (name: string) => (text(name) === "" ? null : /^\d+$/.test(text(name)) ? Number(text(name)) : text(name));
    const optionalDate = (name: string) => (text(name) === "" ? null : text(name));
    const values = {
      code: text("code"),
      kind,
      ...(kind === "percentage"
        ? { percentBp: parseScaled(text("percent"), 2) ?? text("percent"), maxDiscountMinor: optionalMoney("maxDiscount") }
        : { amountMinor: parseAmount(text("amount"), currency) ?? text("amount") }),
      minOrderMinor: optionalMoney("minOrder"),
      startsAt: optionalDate("startsAt"),
      expiresAt: optionalDate("expiresAt"),
      usageLimit: optionalInt("usageLimit"),
      perCustomerLimit: optionalInt("perCustomerLimit"),
    };
    await send(values, onDone);
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3">
      <FormError message={errors.form} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Code" name="code" autoFocus error={errors.code} />
        <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="percentage">Percentage</option>
          <option value="fixed">Fixed amount</option>
        </SelectField>
        {kind === "percentage" ? (
          <>
            <Field label="Percent off" name="percent" inputMode="decimal" error={errors.percentBp} />
            <Field label={`At most (${currency}, optional)`} name="maxDiscount" inputMode="decimal" error={errors.maxDiscountMinor} />
          </>
        ) : (
          <Field label={`Amount off (${currency})`} name="amount" inputMode="decimal" error={errors.amountMinor} />
        )}
        <Field label={`Minimum order (${currency}, optional)`} name="minOrder" inputMode="decimal" error={errors.minOrderMinor} />
        <Field label="Starts (optional)" name="startsAt" type="datetime-local" error={errors.startsAt} />
        <Field label="Expires (optional)" name="expiresAt" type="datetime-local" error={errors.expiresAt} />
        <Field label="Total uses (optional)" name="usageLimit" inputMode="numeric" error={errors.usageLimit} />
        <Field label="Uses per customer (optional)" name="perCustomerLimit" inputMode="numeric" error={errors.perCustomerLimit} />
      </div>
      <div className="flex justify-end gap-2">
        <button type="button" className={button.secondary} onClick={onCancel}>
          Back
        </button>
        <button type="submit" className={button.primary} disabled={create.isPending}>
          Create coupon
        </button>
      </div>
    </form>
  );
}
