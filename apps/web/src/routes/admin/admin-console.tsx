import type { AdminPermission } from "@bbscart/core";
import type { ReactNode } from "react";
import { Link, Navigate, Route, Routes, useLocation } from "react-router";
import { AdminLayout, sections } from "../../features/admin/admin-layout";
import { useAdmin } from "../../features/admin/use-admin";
import { NotFoundPage } from "../not-found";
import { AuditPage } from "./audit";
import { CategoriesPage } from "./categories";
import { CouponsPage } from "./coupons";
import { CustomerDetailPage } from "./customer-detail";
import { CustomersPage } from "./customers";
import { DashboardPage } from "./dashboard";
import { EmailsPage } from "./emails";
import { OperationsPage } from "./operations";
import { OrderDetailPage } from "./order-detail";
import { OrdersPage } from "./orders";
import { PackingSlipPage } from "./packing-slip";
import { PaymentsPage } from "./payments";
import { ProductEditorPage } from "./product-editor";
import { ProductsPage } from "./products";
import { SecurityPage } from "./security";
import { SettingsPage } from "./settings";
import { StockPage } from "./stock";

/**
 * The admin console: its own routes under /admin, in a chunk loaded only when someone opens it.
 * Visitors who are not signed in are sent to sign in and back; shoppers are told they may not enter
 * (the API refuses them anyway — this only saves them a page of errors).
 */
export function AdminConsole() {
  const { status, account, can } = useAdmin();
  const location = useLocation();
  if (status === "unknown") {
    return (
      <p aria-live="polite" className="p-8 text-slate-500">
        Checking your session…
      </p>
    );
  }
  if (status === "anonymous") return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!account) return <NotAllowed />;

  /** A page the admin's permissions do not cover says so, instead of a screen of refused requests. */
  const need = (permission: AdminPermission, page: ReactNode) =>
    can(permission) ? (
      page
    ) : (
      <p role="alert" className="rounded-lg bg-amber-50 px-4 py-3 text-amber-900">
        Your account does not have the “{permission}” permission this page needs. Ask an admin who manages staff.
      </p>
    );
  const home = sections.find((section) => section.permission === null || can(section.permission))!.to;
  return (
    <AdminLayout>
      <Routes>
        <Route index element={<Navigate to={home} replace />} />
        <Route path="dashboard" element={need("orders.manage", <DashboardPage />)} />
        <Route path="orders" element={need("orders.manage", <OrdersPage />)} />
        <Route path="orders/:orderId" element={need("orders.manage", <OrderDetailPage />)} />
        <Route path="orders/:orderId/slip" element={need("orders.manage", <PackingSlipPage />)} />
        <Route path="products" element={need("catalog.manage", <ProductsPage />)} />
        <Route path="products/new" element={need("catalog.manage", <ProductEditorPage />)} />
        <Route path="products/:productId" element={need("catalog.manage", <ProductEditorPage />)} />
        <Route path="categories" element={need("catalog.manage", <CategoriesPage />)} />
        <Route path="stock" element={need("catalog.manage", <StockPage />)} />
        <Route path="customers" element={need("customers.view", <CustomersPage />)} />
        <Route path="customers/:userId" element={need("customers.view", <CustomerDetailPage />)} />
        <Route path="coupons" element={need("settings.manage", <CouponsPage />)} />
        <Route path="settings" element={need("settings.manage", <SettingsPage />)} />
        <Route path="operations" element={need("operations.view", <OperationsPage />)} />
        <Route path="payments" element={need("operations.view", <PaymentsPage />)} />
        <Route path="emails" element={need("operations.view", <EmailsPage />)} />
        <Route path="audit" element={need("operations.view", <AuditPage />)} />
        <Route path="security" element={<SecurityPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AdminLayout>
  );
}

function NotAllowed() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4">
      <section className="max-w-md rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-2xl font-bold">This area is for store staff</h1>
        <p className="mt-2 text-slate-600">Your account can shop, track orders and use its wallet, but it cannot open the admin console.</p>
        <Link to="/" className="mt-6 inline-block font-semibold text-teal-700 hover:underline">
          Back to the shop
        </Link>
      </section>
    </main>
  );
}
