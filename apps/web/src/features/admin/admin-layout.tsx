import type { AdminPermission } from "@bbscart/core";
import { useState, type ReactNode } from "react";
import { Link, NavLink, useLocation, useNavigate } from "react-router";
import { signOut } from "../auth/session";
import { usePageMeta } from "../layout/page-meta";
import { useAdmin } from "./use-admin";

interface Section {
  to: string;
  label: string;
  /** Null: every admin (their own security settings). */
  permission: AdminPermission | null;
}

/** The console's sections, each shown only to admins whose permission the API would honour. */
export const sections: readonly Section[] = [
  { to: "/admin/dashboard", label: "Dashboard", permission: "orders.manage" },
  { to: "/admin/orders", label: "Orders", permission: "orders.manage" },
  { to: "/admin/products", label: "Products", permission: "catalog.manage" },
  { to: "/admin/categories", label: "Categories", permission: "catalog.manage" },
  { to: "/admin/stock", label: "Stock", permission: "catalog.manage" },
  { to: "/admin/customers", label: "Customers", permission: "customers.view" },
  { to: "/admin/coupons", label: "Coupons", permission: "settings.manage" },
  { to: "/admin/settings", label: "Store settings", permission: "settings.manage" },
  { to: "/admin/operations", label: "Operations", permission: "operations.view" },
  { to: "/admin/payments", label: "Payments", permission: "operations.view" },
  { to: "/admin/emails", label: "Emails", permission: "operations.view" },
  { to: "/admin/audit", label: "Audit log", permission: "operations.view" },
  { to: "/admin/security", label: "My security", permission: null },
];

/** Sidebar on wide screens, a menu button on phones; the current section is marked for screen readers. */
export function AdminLayout({ children }: { children: ReactNode }) {
  const { account, can } = useAdmin();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const visible = sections.filter((section) => section.permission === null || can(section.permission));
  const current = visible.find((section) => pathname.startsWith(section.to));
  usePageMeta(`${current?.label ?? "Console"} · Admin`);

  const nav = (
    <ul className="flex flex-col gap-1">
      {visible.map((section) => (
        <li key={section.to}>
          <NavLink
            to={section.to}
            onClick={() => setMenuOpen(false)}
            className={({ isActive }) =>
              `block rounded-lg px-3 py-2 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-400 ${
                isActive ? "bg-teal-700 text-white" : "text-slate-300 hover:bg-slate-800 hover:text-white"
              }`
            }
          >
            {section.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 lg:grid lg:grid-cols-[15rem_1fr]">
      <a href="#admin-main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="hidden bg-slate-900 print:hidden px-3 py-5 lg:block">
        <Link to="/admin" className="mb-6 flex items-center gap-2 px-3 text-lg font-bold text-white">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          BBSCART <span className="font-normal text-teal-300">Admin</span>
        </Link>
        <nav aria-label="Admin sections">{nav}</nav>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex items-center print:hidden justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3">
          <div className="flex items-center gap-3">
            <button
              type="button"
              className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium lg:hidden"
              aria-expanded={menuOpen}
              aria-controls="admin-mobile-nav"
              onClick={() => setMenuOpen((open) => !open)}
            >
              Menu
            </button>
            <span className="text-sm text-slate-500 lg:hidden" aria-hidden="true">
              {current?.label}
            </span>
          </div>
          <div className="flex items-center gap-4 text-sm">
            <Link to="/" className="text-slate-600 hover:text-teal-700">
              View shop
            </Link>
            <span className="hidden text-slate-500 sm:inline" data-testid="admin-name">
              {account?.name}
            </span>
            <button type="button" className="font-medium text-slate-600 hover:text-slate-900" onClick={() => void signOut().then(() => navigate("/"))}>
              Sign out
            </button>
          </div>
        </header>
        {menuOpen && (
          <nav id="admin-mobile-nav" aria-label="Admin sections" className="bg-slate-900 px-3 py-3 lg:hidden">
            {nav}
          </nav>
        )}
        <main id="admin-main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
