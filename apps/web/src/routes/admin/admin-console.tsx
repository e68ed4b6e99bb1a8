import { Route, Routes } from "react-router";
import { NotFoundPage } from "../not-found";

/** The admin console: its own routes under /admin, in a chunk loaded only when an admin opens it. */
export function AdminConsole() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
