/** Accounts: sign-in and sessions, a shopper's own account, and the admin's users. */
export { accountView, type AccountView } from "./account-view.js";
export { accountService, type AccountService } from "./account.service.js";
export { authService, type AuthService, type Challenged, type SignedIn } from "./auth.service.js";
export { secondFactors, type SecondFactors, type StepUp } from "./second-factor.js";
export { Sessions, type SessionPolicy } from "./sessions.js";
export { usersService, type UsersService } from "./users.service.js";
