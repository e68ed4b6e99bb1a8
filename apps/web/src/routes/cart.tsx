import { Link } from "react-router";
import { CartLines } from "../features/cart/cart-lines";
import { CartProblems } from "../features/cart/cart-problems";
import { CartTotals } from "../features/cart/cart-totals";
import { CouponForm } from "../features/cart/coupon-form";
import { useCart, useCartActions } from "../features/cart/use-cart";
import { PageHeader } from "../features/ui/layout";
import { EmptyState, QueryView } from "../features/ui/states";
import { button, panel } from "../features/ui/styles";

export function CartPage() {
  const cart = useCart();
  const actions = useCartActions();
  return (
    <>
      <PageHeader title="Your cart" />
      <QueryView query={cart} label="your cart">
        {(view) =>
          view.lines.length === 0 ? (
            <EmptyState title="Your cart is empty">
              <Link to="/search" className={button.link}>
                Find something you like
              </Link>
            </EmptyState>
          ) : (
            <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_22rem]">
              <div className="flex flex-col gap-4">
                <CartProblems problems={view.problems} lines={view.lines} actions={actions} />
                <section className={panel} aria-label="Items">
                  <CartLines lines={view.lines} actions={actions} />
                </section>
              </div>
              <aside className={`${panel} flex h-fit flex-col gap-4`} aria-label="Order summary">
                <h2 className="text-lg font-semibold">Summary</h2>
                <CouponForm couponCode={view.couponCode} actions={actions} />
                <CartTotals totals={view.totals} />
                {view.problems.length > 0 ? (
                  <p className="text-sm text-amber-800">Fix the items above to continue.</p>
                ) : (
                  <Link to="/checkout" className={button.primary}>
                    Checkout
                  </Link>
                )}
                <p className="text-xs text-slate-500">Delivery fee shown for standard delivery; choose another option at checkout.</p>
              </aside>
            </div>
          )
        }
      </QueryView>
    </>
  );
}
