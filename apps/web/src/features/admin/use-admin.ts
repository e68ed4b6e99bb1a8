import { grants, type AdminPermission } from "@bbscart/core";
import { useSession } from "../auth/use-session";

/**
 * The signed-in admin and what their permissions allow, so pages show only what the API would
 * answer. The API checks every call again; this only spares an admin buttons that would be refused.
 */
export function useAdmin() {
  const current = useSession();
  const account = current.status === "signed-in" && current.account.role === "admin" ? current.account : null;
  const can = (permission: AdminPermission) => (account ? grants(account.permissions, permission) : false);
  return { status: current.status, account, can };
}
