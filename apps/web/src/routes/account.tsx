import { Link, useNavigate } from "react-router";
import { AddressBook } from "../features/account/address-book";
import { PasswordForm, ProfileForm } from "../features/account/profile-form";
import { signOut } from "../features/auth/session";
import { SignedIn } from "../features/auth/signed-in";
import { PageHeader, Panel } from "../features/ui/layout";
import { QueryView } from "../features/ui/states";
import { button } from "../features/ui/styles";
import { formatDate } from "../lib/format-date";
import { trpc } from "../lib/trpc";

export function AccountPage() {
  return (
    <SignedIn>
      <Account />
    </SignedIn>
  );
}

function Account() {
  const me = trpc.auth.me.useQuery();
  const navigate = useNavigate();
  return (
    <QueryView query={me} label="your account">
      {(account) => (
        <div className="flex flex-col gap-6">
          <PageHeader
            title={`Hello, ${account.name}`}
            actions={
              <button type="button" className={button.secondary} onClick={() => void signOut().then(() => navigate("/"))}>
                Sign out
              </button>
            }
          />
          <nav aria-label="Your shopping" className="flex flex-wrap gap-3">
            <Link to="/orders" className={button.secondary}>
              My orders
            </Link>
            <Link to="/wallet" className={button.secondary}>
              My wallet
            </Link>
          </nav>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <Panel title="Profile">
              <p className="mb-4 text-sm text-slate-500">
                Signed in as <span data-testid="account-email">{account.email}</span> · member since {formatDate(account.createdAt)}
              </p>
              <ProfileForm me={account} />
            </Panel>
            <Panel title="Addresses">
              <AddressBook me={account} />
            </Panel>
            <Panel title="Password">
              <PasswordForm />
            </Panel>
          </div>
        </div>
      )}
    </QueryView>
  );
}
