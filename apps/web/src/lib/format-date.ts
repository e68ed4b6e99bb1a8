const dateTime = new Intl.DateTimeFormat("en-IN", { dateStyle: "medium", timeStyle: "short" });
const date = new Intl.DateTimeFormat("en-IN", { dateStyle: "medium" });

/** "4 Dec 2026, 3:05 pm": a moment, as shoppers and admins both read it. */
export const formatDateTime = (at: Date) => dateTime.format(at);
/** "4 Dec 2026": a day, for validity windows and sign-up dates. */
export const formatDate = (at: Date) => date.format(at);
