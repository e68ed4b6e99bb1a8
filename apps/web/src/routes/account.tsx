import { Navigate } from "react-router";
import { useSession } from "../features/auth/use-session";
import { trpc } from "../lib/trpc";

export function AccountPage() {
  const current = useSession();
  const me = trpc.auth.me.useQuery(undefined, { enabled: current.status === "signed-in" });
  if (current.status === "anonymous") return <Navigate to="/sign-in?next=/account" replace />;
  if (!me.data) return <p className="text-slate-500">Loading your account…</p>;
  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Hello, {me.data.name}</h1>
      <dl className="grid max-w-lg grid-cols-[8rem_1fr] gap-2 rounded-2xl border border-slate-200 bg-white p-6">
        <dt className="text-slate-500">Email</dt>
        <dd data-testid="account-email">{me.data.email}</dd>
        <dt className="text-slate-500">Phone</dt>
        <dd>{me.data.phone ?? "—"}</dd>
        <dt className="text-slate-500">Member since</dt>
        <dd>{me.data.createdAt.toLocaleDateString("en-IN", { dateStyle: "medium" })}</dd>
      </dl>
    </section>
  );
}
