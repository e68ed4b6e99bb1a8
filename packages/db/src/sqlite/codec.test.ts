import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idFromSql, idToSql } from "./codec.js";

describe("ids as columns", () => {
  it("keep a canonical UUID in 16 bytes and give back exactly the id they were given, whatever it is", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uuid(), fc.string(), fc.uuid().map((id) => id.toUpperCase())), (id) => {
        expect(idFromSql(idToSql(id))).toBe(id);
      }),
    );
    expect(idToSql("0b6c7d2e-3f4a-4b5c-8d6e-7f8091a2b3c4")).toHaveLength(16);
    expect(idToSql("audit-1")).toBe("audit-1");
  });
});
