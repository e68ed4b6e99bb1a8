import type { Actor, User } from "@bbscart/core";

/** The admin acting, as the router knows them: the audit log names the user and the request. */
export interface AdminContext {
  readonly user: User;
  readonly actor: Actor;
  readonly requestId: string | null;
}
