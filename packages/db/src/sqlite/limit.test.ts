import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The adapter's source files (tests aside), each with its lines outside comments. */
function codeLines(): Array<{ file: string; line: string }> {
  const files = fs.readdirSync(here, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));
  return files.flatMap((file) =>
    fs
      .readFileSync(path.join(here, file), "utf8")
      .split("\n")
      .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
      .map((line) => ({ file, line })),
  );
}

describe("bound LIMITs", () => {
  // SQLite compiles a statement again on every run when its LIMIT is a bare parameter (limit.ts, decision 179).
  it("no statement of the SQLite adapter binds its LIMIT as a bare parameter", () => {
    const lines = codeLines();
    expect(lines.filter(({ line }) => line.includes("LIMIT_BOUND")).length).toBeGreaterThan(10);
    expect(lines.filter(({ line }) => /\bLIMIT\s+\?/i.test(line))).toEqual([]);
  });
});
