import type { ReactNode } from "react";

/** A radio button drawn as a selectable card, as checkout lists addresses, delivery and payment. */
export function ChoiceCard({
  name,
  value,
  checked,
  onSelect,
  disabled = false,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  onSelect: (value: string) => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-xl border border-slate-300 bg-white p-3 has-checked:border-teal-700 has-checked:bg-teal-50 has-disabled:cursor-not-allowed has-disabled:opacity-60">
      <input type="radio" name={name} value={value} checked={checked} disabled={disabled} onChange={() => onSelect(value)} className="mt-1 h-4 w-4 accent-teal-700" />
      <span className="flex min-w-0 flex-1 flex-col gap-0.5 text-sm">{children}</span>
    </label>
  );
}
