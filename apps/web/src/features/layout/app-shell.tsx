import { Link, NavLink, Outlet, useNavigate } from "react-router";
import { engineLabel } from "../../lib/engine-label";
import { trpc } from "../../lib/trpc";
import { signOut } from "../auth/session";
import { useSession } from "../auth/use-session";

/** Header, main content and footer shared by every shop page. */
export function AppShell() {
  return (
    <div className="flex min-h-screen flex-col bg-slate-50 text-slate-900">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <Header />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-10">
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}

function Header() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link to="/" className="flex items-center gap-2 text-xl font-bold text-teal-700" aria-label="BBSCART home">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>BBSCART</span>
        </Link>
        <AccountMenu />
      </div>
    </header>
  );
}

function AccountMenu() {
  const current = useSession();
  const navigate = useNavigate();
  if (current.status === "unknown") return <span className="text-sm text-slate-500">…</span>;
  if (current.status === "anonymous") {
    return (
      <nav aria-label="Account" className="flex items-center gap-3 text-sm font-medium">
        <NavLink to="/sign-in" className="text-slate-700 hover:text-teal-700">
          Sign in
        </NavLink>
        <NavLink to="/register" className="rounded-lg bg-teal-700 px-3 py-1.5 text-white hover:bg-teal-800">
          Create account
        </NavLink>
      </nav>
    );
  }
  return (
    <nav aria-label="Account" className="flex items-center gap-3 text-sm font-medium">
      <NavLink to="/account" className="text-slate-700 hover:text-teal-700" data-testid="account-link">
        {current.account.name}
      </NavLink>
      <button
        type="button"
        className="text-slate-500 hover:text-slate-800"
        onClick={() => {
          void signOut().then(() => navigate("/"));
        }}
      >
        Sign out
      </button>
    </nav>
  );
}

function Footer() {
  const info = trpc.system.info.useQuery();
  return (
    <footer className="border-t border-slate-200 bg-white px-4 py-4 text-center text-sm text-slate-500" aria-live="polite">
      {info.isPending && <span>Connecting to the store…</span>}
      {info.isError && <span role="alert">The store is unreachable right now. Please try again shortly.</span>}
      {info.data && (
        <span data-testid="system-info">
          {info.data.name} {info.data.version} · running on <strong data-testid="engine">{engineLabel(info.data.engine)}</strong>
        </span>
      )}
    </footer>
  );
}
