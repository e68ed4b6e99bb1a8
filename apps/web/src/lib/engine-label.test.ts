import { describe, expect, it } from "vitest";
import { engineLabel } from "./engine-label";

describe("engineLabel", () => {
  it("names each engine the API can report", () => {
    expect(engineLabel("sqlite")).toBe("SQLite (embedded)");
    expect(engineLabel("mongodb")).toBe("MongoDB");
  });
});
