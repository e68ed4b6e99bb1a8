import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "../..");
/** Every workspace's source: a cycle anywhere is a design knot, whichever package it is in. */
const roots = ["apps/api/src", "apps/web/src", "packages/core/src", "packages/db/src"].map((root) => path.join(repo, root));

/** @param {string} dir @returns {string[]} */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every relative import and re-export of a file (type-only ones too: a cycle of types is still a tangle), as absolute paths. */
/** @param {string} file @returns {string[]} */
function importsOf(file) {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*"(\.{1,2}\/[^"]+)"/g)].map((match) => match[1]);
  return specs.flatMap((spec) => {
    const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, ""));
    return [`${target}.ts`, `${target}.tsx`, path.join(target, "index.ts")];
  });
}

/** The strongly connected components with more than one file (Tarjan): each is an import cycle. */
/** @param {ReadonlyMap<string, readonly string[]>} graph @returns {string[][]} */
function cycles(graph) {
  let counter = 0;
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @type {Map<string, number>} */
  const low = new Map();
  /** @type {string[]} */
  const stack = [];
  /** @type {Set<string>} */
  const onStack = new Set();
  /** @type {string[][]} */
  const found = [];
  /** @param {string} node */
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(/** @type {number} */ (low.get(node)), /** @type {number} */ (low.get(next))));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(/** @type {number} */ (low.get(node)), /** @type {number} */ (index.get(next))));
      }
    }
    if (low.get(node) === index.get(node)) {
      /** @type {string[]} */
      const component = [];
      /** @type {string} */
      let member;
      do {
        member = /** @type {string} */ (stack.pop());
        onStack.delete(member);
        component.push(path.relative(repo, member));
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe("source imports", () => {
  const graph = new Map(roots.flatMap(sourceFiles).map((file) => [file, importsOf(file)]));

  it("form no cycle", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("the cycle finder finds a planted cycle", () => {
    const a = path.join(repo, "a.ts");
    const b = path.join(repo, "b.ts");
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([["a.ts", "b.ts"]]);
  });
});
