import { describe, expect, it } from "vitest";
import { reconciliationsInput, webhookEventsInput } from "./payments.js";

describe("payments admin inputs", () => {
  it("pages webhook events, optionally by one processing state, naming a bad status", () => {
    expect(webhookEventsInput.parse({})).toEqual({ cursor: null, limit: 24 });
    expect(webhookEventsInput.parse({ status: "failed", limit: 5 })).toEqual({ status: "failed", cursor: null, limit: 5 });
    expect(webhookEventsInput.safeParse({ status: "lost" }).error?.issues[0]?.message).toBe("Status must be received, processing, processed or failed");
    expect(reconciliationsInput.parse({ cursor: "abc" })).toEqual({ cursor: "abc", limit: 24 });
  });
});
