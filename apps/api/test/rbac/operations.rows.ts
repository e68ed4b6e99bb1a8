import type { RowSet } from "./types.js";

const noSuchJob = { queue: "notifications", jobId: "no-such-job" };

export const operationsRows: RowSet = {
  rows: {
    "admin.operations.health": { access: "admin:operations.view" },
    "admin.operations.failed": { access: "admin:operations.view", input: () => ({ queue: "notifications" }) },
    // Past the access check, a job that is not in the failed set is simply not found.
    "admin.operations.retry": { access: "admin:operations.view", input: () => noSuchJob, expect: { adminWith: "NOT_FOUND" } },
    "admin.operations.discard": { access: "admin:operations.view", input: () => noSuchJob, expect: { adminWith: "NOT_FOUND" } },
    "admin.operations.failedMessages": { access: "admin:operations.view", input: () => ({}) },
    "admin.operations.retryMessage": { access: "admin:operations.view", input: () => ({ outboxId: "no-such-message:email", reason: null }), expect: { adminWith: "NOT_FOUND" } },
    "admin.operations.emailPreview": { access: "admin:operations.view", input: () => ({ template: "order_confirmed" }) },
  },
};
