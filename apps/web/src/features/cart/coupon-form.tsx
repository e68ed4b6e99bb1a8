import { useState, type FormEvent } from "react";
import { formText, serverErrors } from "../forms/field-errors";
import { button, input } from "../ui/styles";
import type { CartActions } from "./use-cart";

/** Apply or remove a coupon; the API's reason for refusing one appears under the field. */
export function CouponForm({ couponCode, actions }: { couponCode: string | null; actions: CartActions }) {
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = formText(new FormData(event.currentTarget), "code").trim();
    if (!code) return setError("Enter a coupon code");
    setError(null);
    actions.applyCoupon.mutate(
      { code },
      { onError: (failure) => setError(Object.values(serverErrors(failure))[0] ?? "This coupon cannot be used") },
    );
  };
  if (couponCode) {
    return (
      <p className="flex items-center justify-between gap-2 text-sm">
        <span>
          Coupon <strong>{couponCode}</strong> applied
        </span>
        <button type="button" className={button.link} onClick={() => actions.removeCoupon.mutate()}>
          Remove
        </button>
      </p>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-1">
      <label htmlFor="coupon-code" className="text-sm font-medium text-slate-700">
        Coupon code
      </label>
      <div className="flex gap-2">
        <input id="coupon-code" name="code" className={`${input} min-w-0 flex-1 uppercase`} aria-invalid={error ? true : undefined} aria-describedby={error ? "coupon-error" : undefined} />
        <button type="submit" className={button.secondary} disabled={actions.applyCoupon.isPending}>
          Apply
        </button>
      </div>
      {error && (
        <p id="coupon-error" role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
    </form>
  );
}
