import { Link, NavLink, Outlet, useLocation } from "react-router";
import { engineLabel } from "../../lib/engine-label";
import { trpc } from "../../lib/trpc";
import { withNext } from "../auth/next-page";
import { useSession } from "../auth/use-session";
import { itemCount, useCart } from "../cart/use-cart";
import { useRouteTitle } from "./page-meta";

/** Header, main content and footer shared by every shop page. */
export function AppShell() {
  useRouteTitle();
  return (
    <div className="flex min-h-screen flex-col bg-slate-50 text-slate-900">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <SandboxBanner />
      <Header />
      {/* At least a screen tall: the footer starts below the fold, so content arriving later never pushes visible things (layout shift). */}
      <main id="main" className="mx-auto min-h-screen w-full max-w-6xl flex-1 px-4 py-6 sm:py-10">
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}

const navLink = ({ isActive }: { isActive: boolean }) =>
  `rounded-lg px-2 py-1.5 hover:text-teal-700 ${isActive ? "text-teal-800 underline decoration-2 underline-offset-8" : "text-slate-700"}`;

function Header() {
  return (
    <header className="border-b print:hidden border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link to="/" className="flex items-center gap-2 text-xl font-bold text-teal-700" aria-label="BBSCART home">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>BBSCART</span>
        </Link>
        <nav aria-label="Main" className="flex w-full flex-wrap items-center gap-1 text-sm font-medium sm:w-auto sm:gap-3">
          <NavLink to="/search" className={navLink}>
            Shop
          </NavLink>
          <AccountLinks />
          <CartLink />
        </nav>
      </div>
    </header>
  );
}

function CartLink() {
  const cart = useCart();
  const count = itemCount(cart.data);
  return (
    <NavLink to="/cart" className={navLink} data-testid="cart-link">
      Cart
      <span className="ml-1 inline-block min-w-6 rounded-full bg-teal-700 px-1.5 text-center text-xs leading-5 text-white" aria-label={`${count} items`}>
        {count}
      </span>
    </NavLink>
  );
}

function AccountLinks() {
  const current = useSession();
  const location = useLocation();
  // While the session is being asked for, hold the place of the likeliest answer so nothing moves when it comes.
  if (current.status === "unknown") {
    return (
      <span className={`${navLink({ isActive: false })} invisible`} aria-hidden="true">
        Sign in
      </span>
    );
  }
  if (current.status === "anonymous") {
    return (
      // Signing in (or up, from there) brings the shopper back to the page they were on.
      <NavLink to={withNext("/sign-in", location.pathname + location.search)} className={navLink}>
        Sign in
      </NavLink>
    );
  }
  return (
    <>
      {current.account.role === "admin" && (
        <NavLink to="/admin" className={navLink}>
          Admin
        </NavLink>
      )}
      <NavLink to="/orders" className={navLink}>
        Orders
      </NavLink>
      <NavLink to="/wallet" className={navLink}>
        Wallet
      </NavLink>
      <NavLink to="/account" className={navLink} data-testid="account-link">
        {current.account.name}
      </NavLink>
    </>
  );
}

/** The sandbox provider takes no real money; shoppers (and demo visitors) must not think otherwise. */
function SandboxBanner() {
  const info = trpc.system.info.useQuery();
  if (info.data?.paymentProvider !== "sandbox") return null;
  return (
    // Pinned over the bottom edge rather than inserted above the header: it appears once the API has
    // answered, and pushing the whole page down then was the shop's largest layout shift. It lets
    // clicks through to whatever it covers; the footer leaves room for it.
    <p className="pointer-events-none fixed inset-x-0 bottom-0 z-40 bg-amber-300 px-4 py-1.5 text-center text-sm font-semibold text-amber-950" data-testid="sandbox-banner">
      SANDBOX — no real money. Pay with test card 4242 4242 4242 4242.
    </p>
  );
}

function Footer() {
  const info = trpc.system.info.useQuery();
  return (
    <footer className="print:hidden border-t border-slate-200 bg-white px-4 pb-12 pt-4 text-center text-sm text-slate-500" aria-live="polite">
      {info.isPending && <span>Connecting to the store…</span>}
      {info.isError && <span role="alert">The store is unreachable right now. Please try again shortly.</span>}
      <p className="mb-2">
        <Link to="/track" className="font-medium text-teal-700 underline">
          Track your order
        </Link>
      </p>
      {info.data && (
        <span data-testid="system-info">
          {info.data.name} {info.data.version} · running on <strong data-testid="engine">{engineLabel(info.data.engine)}</strong>
        </span>
      )}
    </footer>
  );
}
