import { formatMoney } from "@bbscart/core";
import { Link } from "react-router";
import { button } from "../ui/styles";
import type { CartActions, CartLine, CartProblem } from "./use-cart";

const couponReasons: Record<Extract<CartProblem, { code: "COUPON_INVALID" }>["reason"], string> = {
  not_found: "does not exist",
  inactive: "is no longer active",
  not_started: "has not started yet",
  expired: "has expired",
  minimum_not_met: "needs a larger order",
  usage_limit_reached: "has been used up",
  customer_limit_reached: "has already been used the maximum number of times on your account",
  currency_mismatch: "is for another currency",
};

function describe(problem: CartProblem, nameOf: (variantId: string) => string): string {
  switch (problem.code) {
    case "EMPTY_CART":
      return "Your cart is empty.";
    case "PRICE_CHANGED":
      return `The price of ${nameOf(problem.variantId)} changed from ${formatMoney(problem.was)} to ${formatMoney(problem.now)}.`;
    case "OUT_OF_STOCK":
      return problem.available > 0
        ? `Only ${problem.available} of ${nameOf(problem.variantId)} left (you asked for ${problem.requested}).`
        : `${nameOf(problem.variantId)} is out of stock.`;
    case "VARIANT_UNAVAILABLE":
    case "PRODUCT_INACTIVE":
      return `${nameOf(problem.variantId)} is no longer sold.`;
    case "CURRENCY_MISMATCH":
      return `${nameOf(problem.variantId)} is priced in another currency.`;
    case "COUPON_INVALID":
      return `Coupon ${problem.couponCode} ${couponReasons[problem.reason]}.`;
    case "DELIVERY_OPTION_UNAVAILABLE":
      return "That delivery option is not offered any more; choose another.";
  }
}

/** The label of the one button that fixes a problem, as the API's `fix` names it. */
function fixLabel(fix: CartProblem["fix"]): string | null {
  switch (fix.action) {
    case "acceptPrice":
      return "Accept new price";
    case "updateQuantity":
      return `Reduce to ${fix.quantity}`;
    case "remove":
      return "Remove item";
    case "removeCoupon":
      return "Remove coupon";
    default:
      return null;
  }
}

function applyFix(fix: CartProblem["fix"], actions: CartActions) {
  switch (fix.action) {
    case "acceptPrice":
      return actions.acceptPrice.mutate({ variantId: fix.variantId });
    case "updateQuantity":
      return actions.updateQuantity.mutate({ variantId: fix.variantId, quantity: fix.quantity });
    case "remove":
      return actions.remove.mutate({ variantId: fix.variantId });
    case "removeCoupon":
      return actions.removeCoupon.mutate();
    default:
      return undefined;
  }
}

/** Everything that stops checkout, each in plain words with the button that fixes it. */
export function CartProblems({ problems, lines, actions }: { problems: readonly CartProblem[]; lines: readonly CartLine[]; actions: CartActions }) {
  const shown = problems.filter((p) => p.code !== "EMPTY_CART");
  if (shown.length === 0) return null;
  const nameOf = (variantId: string) => lines.find((l) => l.variantId === variantId)?.name ?? "An item";
  return (
    <section aria-labelledby="cart-problems" className="rounded-2xl border border-amber-300 bg-amber-50 p-4">
      <h2 id="cart-problems" className="font-semibold text-amber-900">
        Your cart needs attention before checkout
      </h2>
      <ul className="mt-2 flex flex-col gap-2" data-testid="cart-problems">
        {shown.map((problem, index) => {
          const label = fixLabel(problem.fix);
          return (
            <li key={index} className="flex flex-wrap items-center justify-between gap-2 text-sm text-amber-900">
              <span>{describe(problem, nameOf)}</span>
              {label ? (
                <button type="button" className={button.secondary} onClick={() => applyFix(problem.fix, actions)}>
                  {label}
                </button>
              ) : (
                problem.fix.action === "addItems" && <Link to="/search">Browse the shop</Link>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
